using System.Text.Json;

namespace CharBert.Text.IO.Squad;

/// <summary>One forward scan of SQuAD JSON with <see cref="Utf8JsonReader"/>: builds the examples, records
/// the byte span of every replaceable value, and checks each answer against its context. Keys may come in any
/// order; unknown keys are skipped.</summary>
sealed class SquadParser(byte[] bytes, int bodyStart, string displayPath)
{
    internal sealed record Result(string? Version, IReadOnlyList<SquadExample> Examples, IReadOnlyDictionary<string, JsonValueSpan> Spans);

    sealed record RawQuestion(string Id, string Question, List<SquadAnswer> Answers, bool IsImpossible, List<SquadAnswer> PlausibleAnswers, string Path);

    readonly Dictionary<string, JsonValueSpan> spans = new(StringComparer.Ordinal);
    readonly List<SquadExample> examples = [];

    public Result Parse()
    {
        var reader = new Utf8JsonReader(bytes.AsSpan(bodyStart));
        string? version = null;
        var sawData = false;
        try
        {
            Next(ref reader);
            Expect(ref reader, JsonTokenType.StartObject, "$");
            while (NextProperty(ref reader, out var name))
            {
                switch (name)
                {
                    case "version": version = ReadString(ref reader, "version", recordSpan: false); break;
                    case "data": ReadArray(ref reader, "data", ReadArticle); sawData = true; break;
                    default: reader.Skip(); break;
                }
            }
            if (reader.Read()) throw Error("$", "unexpected content after the top-level object");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(displayPath, (e.LineNumber ?? -1) + 1, $"invalid JSON: {e.Message}", e);
        }
        if (!sawData) throw Error("$", "missing \"data\" array");
        return new Result(version, examples, spans);
    }

    delegate void ElementReader(ref Utf8JsonReader reader, string path);

    void ReadArray(ref Utf8JsonReader reader, string path, ElementReader element)
    {
        Expect(ref reader, JsonTokenType.StartArray, path);
        for (var index = 0; Next(ref reader) != JsonTokenType.EndArray; index++)
            element(ref reader, $"{path}[{index}]");
    }

    void ReadArticle(ref Utf8JsonReader reader, string path)
    {
        Expect(ref reader, JsonTokenType.StartObject, path);
        var title = "";
        var firstExample = examples.Count;
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "title": title = ReadString(ref reader, $"{path}.title", recordSpan: false); break;
                case "paragraphs": ReadArray(ref reader, $"{path}.paragraphs", ReadParagraph); break;
                default: reader.Skip(); break;
            }
        }
        for (var i = firstExample; i < examples.Count; i++) examples[i] = examples[i] with { Title = title };
    }

    void ReadParagraph(ref Utf8JsonReader reader, string path)
    {
        Expect(ref reader, JsonTokenType.StartObject, path);
        string? context = null;
        var questions = new List<RawQuestion>();
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "context": context = ReadString(ref reader, $"{path}.context", recordSpan: true); break;
                case "qas":
                    ReadArray(ref reader, $"{path}.qas", (ref Utf8JsonReader r, string p) => questions.Add(ReadQuestion(ref r, p)));
                    break;
                default: reader.Skip(); break;
            }
        }
        if (context == null) throw Error(path, "missing \"context\"");
        foreach (var q in questions)
        {
            foreach (var answer in q.Answers.Concat(q.PlausibleAnswers)) CheckAnswer(context, answer);
            examples.Add(new SquadExample(q.Id, "", q.Question, context, q.Answers, q.IsImpossible, q.PlausibleAnswers, q.Path, path));
        }
    }

    RawQuestion ReadQuestion(ref Utf8JsonReader reader, string path)
    {
        Expect(ref reader, JsonTokenType.StartObject, path);
        string? id = null, question = null;
        var answers = new List<SquadAnswer>();
        var plausible = new List<SquadAnswer>();
        var impossible = false;
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "id": id = ReadString(ref reader, $"{path}.id", recordSpan: false); break;
                case "question": question = ReadString(ref reader, $"{path}.question", recordSpan: true); break;
                case "answers": ReadArray(ref reader, $"{path}.answers", (ref Utf8JsonReader r, string p) => answers.Add(ReadAnswer(ref r, p))); break;
                case "plausible_answers": ReadArray(ref reader, $"{path}.plausible_answers", (ref Utf8JsonReader r, string p) => plausible.Add(ReadAnswer(ref r, p))); break;
                case "is_impossible":
                    if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False)) throw Error($"{path}.is_impossible", "expected true or false");
                    impossible = reader.GetBoolean();
                    break;
                default: reader.Skip(); break;
            }
        }
        if (id == null) throw Error(path, "missing \"id\"");
        if (question == null) throw Error(path, "missing \"question\"");
        return new RawQuestion(id, question, answers, impossible, plausible, path);
    }

    SquadAnswer ReadAnswer(ref Utf8JsonReader reader, string path)
    {
        Expect(ref reader, JsonTokenType.StartObject, path);
        string? text = null;
        int? start = null;
        while (NextProperty(ref reader, out var name))
        {
            switch (name)
            {
                case "text": text = ReadString(ref reader, $"{path}.text", recordSpan: true); break;
                case "answer_start":
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var value))
                        throw Error($"{path}.answer_start", "expected an integer");
                    spans[$"{path}.answer_start"] = new JsonValueSpan(bodyStart + (int)reader.TokenStartIndex, reader.ValueSpan.Length);
                    start = value;
                    break;
                default: reader.Skip(); break;
            }
        }
        if (text == null) throw Error(path, "missing \"text\"");
        if (start == null) throw Error(path, "missing \"answer_start\"");
        return new SquadAnswer(text, start.Value, path);
    }

    void CheckAnswer(string context, SquadAnswer answer)
    {
        var start = PythonStringOffsets.ToUtf16Index(context, answer.AnswerStart);
        if (start == null || start.Value + answer.Text.Length > context.Length)
            throw Error(answer.JsonPath, $"answer_start {answer.AnswerStart} with answer \"{answer.Text}\" runs past the end of the context ({context.Length} characters)");
        var found = context.Substring(start.Value, answer.Text.Length);
        if (found != answer.Text)
            throw Error(answer.JsonPath, $"answer_start {answer.AnswerStart} does not match the answer text: the context has \"{found}\" there, the answer is \"{answer.Text}\"");
    }

    string ReadString(ref Utf8JsonReader reader, string path, bool recordSpan)
    {
        if (reader.TokenType != JsonTokenType.String) throw Error(path, $"expected a string, found {reader.TokenType}");
        if (recordSpan) spans[path] = new JsonValueSpan(bodyStart + (int)reader.TokenStartIndex, reader.ValueSpan.Length + 2);
        return reader.GetString()!;
    }

    /// <summary>Moves to the next property's value; false at the end of the object.</summary>
    static bool NextProperty(ref Utf8JsonReader reader, out string name)
    {
        name = "";
        if (Next(ref reader) == JsonTokenType.EndObject) return false;
        name = reader.GetString()!;
        Next(ref reader);
        return true;
    }

    static JsonTokenType Next(ref Utf8JsonReader reader)
    {
        if (!reader.Read()) throw new JsonException("unexpected end of file", null, null, null);
        return reader.TokenType;
    }

    void Expect(ref Utf8JsonReader reader, JsonTokenType type, string path)
    {
        if (reader.TokenType != type) throw Error(path, $"expected {type}, found {reader.TokenType}");
    }

    DataFormatException Error(string path, string problem) => new(displayPath, path, problem);
}
