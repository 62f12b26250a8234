using System.Text.Json;

namespace CharBert.Text.IO.Squad;

/// <summary>Reads SQuAD 1.1 / 2.0 JSON in one forward pass over a stream, handing out the examples one paragraph at a
/// time: memory holds a read buffer (64 KiB, doubled while one value does not fit) and the current paragraph, never the
/// document. Every answer and plausible answer is checked against its context. Keys may come in any order; unknown
/// keys are skipped. An article whose "title" comes after its "paragraphs" is held until the title is read.
/// <see cref="SquadFile"/> uses the same reader for files that are edited in place.</summary>
public sealed class SquadReader : IDisposable
{
    public const int DefaultBufferSize = 64 * 1024;

    sealed record RawQuestion(string Id, string Question, List<SquadAnswer> Answers, bool IsImpossible, List<SquadAnswer> PlausibleAnswers, string Path);

    readonly JsonTokenStream tokens;
    bool examplesTaken;

    public string DisplayPath => tokens.DisplayPath;
    public bool HasBom => tokens.HasBom;

    /// <summary>The top-level "version", once the reader has passed it (the SQuAD releases write it first; in a file
    /// that writes it last it is known when <see cref="ReadExamples"/> has been enumerated to the end).</summary>
    public string? Version { get; private set; }

    /// <summary>When set, receives the byte span of every question, context, answer text and answer_start (for <see cref="SquadEditor"/>).</summary>
    internal Dictionary<string, JsonValueSpan>? ValueSpans { get; init; }

    public SquadReader(Stream stream, string displayPath, bool ownsStream = false, int bufferSize = DefaultBufferSize) =>
        tokens = new JsonTokenStream(stream, displayPath, bufferSize, ownsStream);

    /// <summary>Reads a document already in memory without copying it (<see cref="SquadFile"/>).</summary>
    internal SquadReader(byte[] bytes, string displayPath) => tokens = new JsonTokenStream(bytes, displayPath);

    public static SquadReader Open(string path, int bufferSize = DefaultBufferSize) =>
        new(InputFile.OpenRead(path), path, ownsStream: true, bufferSize);

    /// <summary>The file's examples in file order, read lazily; can be enumerated once.</summary>
    public IEnumerable<SquadExample> ReadExamples()
    {
        if (examplesTaken) throw new InvalidOperationException($"{DisplayPath}: examples can be read only once (the reader streams).");
        examplesTaken = true;
        return Iterate();
    }

    IEnumerable<SquadExample> Iterate()
    {
        Next();
        Expect(JsonTokenType.StartObject, "$");
        var sawData = false;
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "version":
                    Version = ReadString("version", recordSpan: false);
                    break;
                case "data":
                    Expect(JsonTokenType.StartArray, "data");
                    for (var i = 0; Next() != JsonTokenType.EndArray; i++)
                        foreach (var example in ReadArticle($"data[{i}]")) yield return example;
                    sawData = true;
                    break;
                default:
                    tokens.Skip();
                    break;
            }
        }
        if (tokens.Read()) throw Error("$", "unexpected content after the top-level object");
        if (!sawData) throw Error("$", "missing \"data\" array");
    }

    IEnumerable<SquadExample> ReadArticle(string path)
    {
        Expect(JsonTokenType.StartObject, path);
        string? title = null;
        var untitled = new List<SquadExample>();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "title":
                    title = ReadString($"{path}.title", recordSpan: false);
                    foreach (var example in untitled) yield return example with { Title = title };
                    untitled.Clear();
                    break;
                case "paragraphs":
                    Expect(JsonTokenType.StartArray, $"{path}.paragraphs");
                    for (var j = 0; Next() != JsonTokenType.EndArray; j++)
                    {
                        var paragraph = ReadParagraph($"{path}.paragraphs[{j}]", title ?? "");
                        if (title is null) untitled.AddRange(paragraph);
                        else foreach (var example in paragraph) yield return example;
                    }
                    break;
                default:
                    tokens.Skip();
                    break;
            }
        }
        foreach (var example in untitled) yield return example;
    }

    List<SquadExample> ReadParagraph(string path, string title)
    {
        Expect(JsonTokenType.StartObject, path);
        string? context = null;
        var questions = new List<RawQuestion>();
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "context": context = ReadString($"{path}.context", recordSpan: true); break;
                case "qas": ReadArray($"{path}.qas", p => questions.Add(ReadQuestion(p))); break;
                default: tokens.Skip(); break;
            }
        }
        if (context == null) throw Error(path, "missing \"context\"");
        var examples = new List<SquadExample>(questions.Count);
        foreach (var q in questions)
        {
            foreach (var answer in q.Answers.Concat(q.PlausibleAnswers)) CheckAnswer(context, answer);
            examples.Add(new SquadExample(q.Id, title, q.Question, context, q.Answers, q.IsImpossible, q.PlausibleAnswers, q.Path, path));
        }
        return examples;
    }

    RawQuestion ReadQuestion(string path)
    {
        Expect(JsonTokenType.StartObject, path);
        string? id = null, question = null;
        var answers = new List<SquadAnswer>();
        var plausible = new List<SquadAnswer>();
        var impossible = false;
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "id": id = ReadString($"{path}.id", recordSpan: false); break;
                case "question": question = ReadString($"{path}.question", recordSpan: true); break;
                case "answers": ReadArray($"{path}.answers", p => answers.Add(ReadAnswer(p))); break;
                case "plausible_answers": ReadArray($"{path}.plausible_answers", p => plausible.Add(ReadAnswer(p))); break;
                case "is_impossible":
                    impossible = tokens.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw Error($"{path}.is_impossible", "expected true or false"),
                    };
                    break;
                default: tokens.Skip(); break;
            }
        }
        if (id == null) throw Error(path, "missing \"id\"");
        if (question == null) throw Error(path, "missing \"question\"");
        return new RawQuestion(id, question, answers, impossible, plausible, path);
    }

    SquadAnswer ReadAnswer(string path)
    {
        Expect(JsonTokenType.StartObject, path);
        string? text = null;
        int? start = null;
        while (NextProperty(out var name))
        {
            switch (name)
            {
                case "text": text = ReadString($"{path}.text", recordSpan: true); break;
                case "answer_start":
                    if (tokens.TokenType != JsonTokenType.Number || !tokens.TryGetInt32(out var value))
                        throw Error($"{path}.answer_start", "expected an integer");
                    Record($"{path}.answer_start");
                    start = value;
                    break;
                default: tokens.Skip(); break;
            }
        }
        if (text == null) throw Error(path, "missing \"text\"");
        if (start == null) throw Error(path, "missing \"answer_start\"");
        return new SquadAnswer(text, start.Value, path);
    }

    void CheckAnswer(string context, SquadAnswer answer)
    {
        if (answer.AnswerStart < 0)
            throw Error($"{answer.JsonPath}.answer_start", $"answer_start {answer.AnswerStart} is negative (it counts characters from the start of the context)");
        var start = PythonStringOffsets.ToUtf16Index(context, answer.AnswerStart);
        if (start == null || start.Value + answer.Text.Length > context.Length)
            throw Error(answer.JsonPath, $"answer_start {answer.AnswerStart} with answer \"{answer.Text}\" runs past the end of the context ({context.Length} characters)");
        var found = context.Substring(start.Value, answer.Text.Length);
        if (found != answer.Text)
            throw Error(answer.JsonPath, $"answer_start {answer.AnswerStart} does not match the answer text: the context has \"{found}\" there, the answer is \"{answer.Text}\"");
    }

    void ReadArray(string path, Action<string> element)
    {
        Expect(JsonTokenType.StartArray, path);
        for (var index = 0; Next() != JsonTokenType.EndArray; index++) element($"{path}[{index}]");
    }

    string ReadString(string path, bool recordSpan)
    {
        if (tokens.TokenType != JsonTokenType.String) throw Error(path, $"expected a string, found {tokens.TokenType}");
        if (recordSpan) Record(path);
        return tokens.Text;
    }

    void Record(string path)
    {
        if (ValueSpans != null) ValueSpans[path] = new JsonValueSpan(checked((int)tokens.TokenStart), tokens.TokenLength);
    }

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    bool NextProperty(out string name)
    {
        name = "";
        if (Next() == JsonTokenType.EndObject) return false;
        name = tokens.Text;
        Next();
        return true;
    }

    JsonTokenType Next()
    {
        if (!tokens.Read()) throw new DataFormatException(DisplayPath, 0, "invalid JSON: unexpected end of file");
        return tokens.TokenType;
    }

    void Expect(JsonTokenType type, string path)
    {
        if (tokens.TokenType != type) throw Error(path, $"expected {type}, found {tokens.TokenType}");
    }

    DataFormatException Error(string path, string problem) => new(DisplayPath, path, problem);

    public void Dispose() => tokens.Dispose();
}
