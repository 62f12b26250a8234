using System.Text;
using CharBert.Text.IO;
using CharBert.Text.IO.Squad;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class SquadTests
{
    // SQuAD 1.1 in Python's ensure_ascii style: "\u00e9" = é, "\ud83d\ude00" = one emoji (two UTF-16 units,
    // one Python character), escaped quotes and slash; odd whitespace and key order on purpose.
    internal const string Squad11 = """
        {"data": [{"title": "Caf\u00e9_Society", "paragraphs": [
          {"qas": [{"answers": [{"answer_start": 5, "text": "caf\u00e9"}, {"text": "\"Le\" caf\u00e9", "answer_start": 0}],
                    "question": "Which \"place\"?", "id": "q1"},
                   {"id": "q2", "question": "What came after \ud83d\ude00?",
                    "answers": [{"answer_start": 16, "text": "smile"}]}],
           "context": "\"Le\" caf\u00e9 had \ud83d\ude00 smile \/ more"}
        ]}],
         "version":"1.1"}
        """;

    // SQuAD 2.0 with raw (unescaped) UTF-8, an impossible question with plausible answers, CRLF.
    internal const string Squad20 = "{\r\n  \"version\": \"v2.0\",\r\n  \"data\": [\r\n    {\r\n      \"title\": \"Zürich\",\r\n      \"paragraphs\": [\r\n        {\r\n" +
        "          \"context\": \"Zürich liegt am Zürichsee.\",\r\n          \"qas\": [\r\n" +
        "            {\"question\": \"Wo liegt Zürich?\", \"id\": \"a1\", \"answers\": [{\"text\": \"am Zürichsee\", \"answer_start\": 13}], \"is_impossible\": false},\r\n" +
        "            {\"plausible_answers\": [{\"text\": \"Zürichsee\", \"answer_start\": 16}], \"question\": \"Wo liegt Bern?\", \"id\": \"a2\", \"answers\": [], \"is_impossible\": true}\r\n" +
        "          ]\r\n        }\r\n      ]\r\n    }\r\n  ]\r\n}";

    static SquadFile Parse(string json, bool bom = false) =>
        SquadFile.Parse((bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(json)).ToArray(), "mem.json");

    [Test]
    public void Squad11_examples_are_decoded()
    {
        var file = Parse(Squad11);
        Assert.That(file.Version, Is.EqualTo("1.1"));
        Assert.That(file.Examples.Select(e => e.Id), Is.EqualTo(new[] { "q1", "q2" }));
        var first = file.Examples[0];
        Assert.That(first.Title, Is.EqualTo("Café_Society"));
        Assert.That(first.Question, Is.EqualTo("Which \"place\"?"));
        Assert.That(first.Context, Is.EqualTo("\"Le\" café had \U0001F600 smile / more"));
        Assert.That(first.Answers.Select(a => (a.Text, a.AnswerStart, a.JsonPath)), Is.EqualTo(new[]
        {
            ("café", 5, "data[0].paragraphs[0].qas[0].answers[0]"),
            ("\"Le\" café", 0, "data[0].paragraphs[0].qas[0].answers[1]"),
        }));
        Assert.That(file.Examples[1].JsonPath, Is.EqualTo("data[0].paragraphs[0].qas[1]"));
        Assert.That(file.Examples[1].ParagraphJsonPath, Is.EqualTo("data[0].paragraphs[0]"));
    }

    [Test]
    public void Squad20_impossible_questions_keep_plausible_answers()
    {
        var file = Parse(Squad20, bom: true);
        Assert.That(file.HasBom, Is.True);
        Assert.That(file.Version, Is.EqualTo("v2.0"));
        var impossible = file.Examples[1];
        Assert.That((impossible.IsImpossible, impossible.Answers.Count), Is.EqualTo((true, 0)));
        Assert.That(impossible.PlausibleAnswers.Single().Text, Is.EqualTo("Zürichsee"));
        Assert.That(file.Examples[0].IsImpossible, Is.False);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Unchanged_files_round_trip_byte_identical(bool bom)
    {
        foreach (var json in new[] { Squad11, Squad20 })
        {
            var bytes = (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(json)).ToArray();
            Assert.That(new SquadEditor(SquadFile.Parse(bytes, "mem.json")).ToBytes(), Is.EqualTo(bytes));
        }
    }

    [Test]
    public void Replacing_a_question_splices_only_that_string_in_the_files_escaping_style()
    {
        var file = Parse(Squad11);
        var editor = new SquadEditor(file);
        editor.ReplaceQuestion(file.Examples[0], "Wh\u00efch \"pl\u00e2ce\"?\n");
        var expected = Squad11.Replace("\"Which \\\"place\\\"?\"", "\"Wh\\u00efch \\\"pl\\u00e2ce\\\"?\\n\"");
        Assert.That(Encoding.UTF8.GetString(editor.ToBytes()), Is.EqualTo(expected));
        Assert.That(SquadFile.Parse(editor.ToBytes(), "x").Examples[0].Question, Is.EqualTo("Wh\u00efch \"pl\u00e2ce\"?\n"));
    }

    [Test]
    public void Raw_utf8_files_get_raw_utf8_replacements()
    {
        var file = Parse(Squad20);
        var editor = new SquadEditor(file);
        editor.ReplaceQuestion(file.Examples[0], "Wo liegt Zürrich?");
        Assert.That(Encoding.UTF8.GetString(editor.ToBytes()), Is.EqualTo(Squad20.Replace("Wo liegt Zürich?", "Wo liegt Zürrich?")));
    }

    [Test]
    public void Replacing_context_and_answer_start_keeps_the_file_consistent()
    {
        var file = Parse(Squad11);
        var example = file.Examples[1];
        var editor = new SquadEditor(file);
        var newContext = "\"Le\" café had \U0001F600\U0001F600 smile / more";
        editor.ReplaceContext(example, newContext);
        var utf16Start = newContext.IndexOf("smile", StringComparison.Ordinal);
        editor.ReplaceAnswer(example.Answers[0], "smile", PythonStringOffsets.ToCodePointIndex(newContext, utf16Start));
        var first = file.Examples[0];
        editor.ReplaceAnswer(first.Answers[0], "café", first.Answers[0].AnswerStart);  // unchanged: no splice
        Assert.That(editor.ReplacementCount, Is.EqualTo(2));

        var edited = Encoding.UTF8.GetString(editor.ToBytes());
        Assert.That(edited, Is.EqualTo(Squad11
            .Replace("had \\ud83d\\ude00 smile \\/ more", "had \\ud83d\\ude00\\ud83d\\ude00 smile / more")
            .Replace("\"answer_start\": 16", "\"answer_start\": 17")));
        var reread = SquadFile.Parse(Encoding.UTF8.GetBytes(edited), "edited.json");
        Assert.That(reread.Examples[1].Answers[0].AnswerStart, Is.EqualTo(17));
    }

    [Test]
    public void An_edit_that_breaks_an_answer_is_refused_with_its_path()
    {
        var file = Parse(Squad11);
        var editor = new SquadEditor(file);
        editor.ReplaceContext(file.Examples[0], "Le cafe had a smile");
        var error = Assert.Throws<DataFormatException>(() => editor.ToBytes())!;
        Assert.That(error.Message, Does.StartWith("mem.json (edited) at data[0].paragraphs[0].qas[0].answers[0]: answer_start 5"));
    }

    [Test]
    public void Save_writes_the_file()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("dev-v2.0.json", Squad20, bom: true);
        var file = SquadFile.Load(path);
        new SquadEditor(file).Save(dir.File("copy.json"));
        Assert.That(File.ReadAllBytes(dir.File("copy.json")), Is.EqualTo(File.ReadAllBytes(path)));
    }

    static DataFormatException Fails(string json) => Assert.Throws<DataFormatException>(() => Parse(json))!;

    [Test]
    public void Answer_start_not_matching_the_text_names_the_json_path()
    {
        var broken = Squad20.Replace("\"answer_start\": 16", "\"answer_start\": 15");
        Assert.That(Fails(broken).Message, Is.EqualTo(
            "mem.json at data[0].paragraphs[0].qas[1].plausible_answers[0]: answer_start 15 does not match the answer text: " +
            "the context has \" Zürichse\" there, the answer is \"Zürichsee\""));
        Assert.That(Fails(Squad20.Replace("\"answer_start\": 13", "\"answer_start\": 99")).Message, Does.Contain("runs past the end of the context"));
        Assert.That(Fails(Squad20.Replace("\"answer_start\": 13", "\"answer_start\": -3")).Message,
            Does.Contain("answer_start: answer_start -3 is negative").And.Not.Contain("past the end"));
    }

    [Test]
    public void Malformed_files_are_reported()
    {
        Assert.That(Fails("").Message, Is.EqualTo("mem.json: empty file"));
        Assert.That(Fails("{\"data\": [\n{\"title\": \"x\",\n \"paragraphs\": [}]}").Message, Does.StartWith("mem.json:3: invalid JSON"));
        Assert.That(Fails("{\"version\": \"1\"}").Message, Is.EqualTo("mem.json at $: missing \"data\" array"));
        Assert.That(Fails("{\"data\": [{\"paragraphs\": [{\"qas\": []}]}]}").Message, Is.EqualTo("mem.json at data[0].paragraphs[0]: missing \"context\""));
        Assert.That(Fails(Squad11.Replace("\"id\": \"q2\", ", "")).Message, Is.EqualTo("mem.json at data[0].paragraphs[0].qas[1]: missing \"id\""));
        Assert.That(Fails(Squad11.Replace("\"answer_start\": 5", "\"answer_start\": \"5\"")).Message,
            Is.EqualTo("mem.json at data[0].paragraphs[0].qas[0].answers[0].answer_start: expected an integer"));

        var invalid = Encoding.UTF8.GetBytes("{\n\"data\": [],\n\"version\": \"").Concat(new byte[] { 0xC0, 0xAF }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        Assert.That(Assert.Throws<DataFormatException>(() => SquadFile.Parse(invalid, "mem.json"))!.Message, Does.StartWith("mem.json:3: invalid UTF-8"));
    }

    [Test]
    public void Python_offsets_count_code_points()
    {
        const string text = "a\U0001F600b";
        Assert.That(PythonStringOffsets.ToUtf16Index(text, 2), Is.EqualTo(3));
        Assert.That(PythonStringOffsets.ToUtf16Index(text, 3), Is.EqualTo(4));
        Assert.That(PythonStringOffsets.ToUtf16Index(text, 4), Is.Null);
        Assert.That(PythonStringOffsets.ToCodePointIndex(text, 3), Is.EqualTo(2));
        Assert.That(PythonStringOffsets.ToUtf16Index("plain", 5), Is.EqualTo(5));
    }
}
