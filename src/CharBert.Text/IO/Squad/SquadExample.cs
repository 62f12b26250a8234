namespace CharBert.Text.IO.Squad;

/// <summary>One question with its paragraph. <see cref="JsonPath"/> names the question object
/// (<c>data[i].paragraphs[j].qas[k]</c>), <see cref="ParagraphJsonPath"/> its paragraph (whose context all
/// the paragraph's questions share).</summary>
public sealed record SquadExample(
    string Id,
    string Title,
    string Question,
    string Context,
    IReadOnlyList<SquadAnswer> Answers,
    bool IsImpossible,
    IReadOnlyList<SquadAnswer> PlausibleAnswers,
    string JsonPath,
    string ParagraphJsonPath);
