using System.Globalization;
using System.Text;

namespace CharBert.Text.IO.Squad;

/// <summary>Collects replacements of questions, contexts and answers, then writes the original bytes with
/// only those JSON values spliced in: whitespace, key order and the escaping of everything else stay as they
/// were. The result is parsed and validated again (answers must still match their contexts) before it is
/// returned or written. A later replacement of the same value wins.</summary>
public sealed class SquadEditor(SquadFile file)
{
    readonly Dictionary<string, string> replacements = new(StringComparer.Ordinal);

    public int ReplacementCount => replacements.Count;

    public void ReplaceQuestion(SquadExample example, string question)
    {
        if (question != example.Question) SetString($"{example.JsonPath}.question", question);
    }

    /// <summary>Replaces the paragraph's context, shared by every question of the paragraph.</summary>
    public void ReplaceContext(SquadExample example, string context)
    {
        if (context != example.Context) SetString($"{example.ParagraphJsonPath}.context", context);
    }

    /// <summary><paramref name="answerStart"/> is a code-point offset (see <see cref="PythonStringOffsets"/>).</summary>
    public void ReplaceAnswer(SquadAnswer answer, string text, int answerStart)
    {
        if (text != answer.Text) SetString($"{answer.JsonPath}.text", text);
        if (answerStart != answer.AnswerStart) Set($"{answer.JsonPath}.answer_start", answerStart.ToString(CultureInfo.InvariantCulture));
    }

    void SetString(string path, string value) => Set(path, JsonStringEscaper.Quote(value, file.AsciiOnly));

    void Set(string path, string rawJson)
    {
        if (!file.ValueSpans.ContainsKey(path)) throw new ArgumentException($"{file.DisplayPath} has no value at {path}", nameof(path));
        replacements[path] = rawJson;
    }

    public byte[] ToBytes()
    {
        var output = new MemoryStream(file.Bytes.Length);
        var copied = 0;
        foreach (var (span, rawJson) in replacements.Select(r => (file.ValueSpans[r.Key], r.Value)).OrderBy(r => r.Item1.Start))
        {
            output.Write(file.Bytes, copied, span.Start - copied);
            output.Write(Encoding.UTF8.GetBytes(rawJson));
            copied = span.Start + span.Length;
        }
        output.Write(file.Bytes, copied, file.Bytes.Length - copied);
        var bytes = output.ToArray();
        SquadFile.Parse(bytes, $"{file.DisplayPath} (edited)");
        return bytes;
    }

    public void Save(string path)
    {
        var bytes = ToBytes();
        AtomicFile.Write(path, stream => stream.Write(bytes));
    }
}
