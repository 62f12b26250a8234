namespace CharBert.Text.IO.Squad;

/// <summary>An answer (or plausible answer) as in the file. <see cref="AnswerStart"/> is a Python string offset
/// (code points) into the context, as in the SQuAD release; see <see cref="PythonStringOffsets"/>.
/// <see cref="JsonPath"/> names it, e.g. <c>data[3].paragraphs[0].qas[5].answers[0]</c>.</summary>
public sealed record SquadAnswer(string Text, int AnswerStart, string JsonPath);
