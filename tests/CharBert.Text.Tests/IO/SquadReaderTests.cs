using System.Text;
using CharBert.Text.IO;
using CharBert.Text.IO.Squad;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class SquadReaderTests
{
    // Raw UTF-8 with a 4-byte emoji before the answer (answer_start counts code points), escapes of every kind,
    // unknown keys holding nested values, and an article whose title comes after its paragraphs.
    const string Unicode = """
        {"meta": {"tags": [1, {"x": [null, true]}], "note": "skip \"me\""},
         "data": [
          {"paragraphs": [{"context": "Ελλάδα 😀 naïve\tcafé \"q\" \\ \/ \u00e9\ud83d\ude00 end", "extra": [[], {}],
                           "qas": [{"id": "u1", "question": "Πού;\n", "answers": [{"answer_start": 9, "text": "naïve"}], "is_impossible": false, "x": {"y": 1}},
                                   {"id": "u2", "question": "After the escaped emoji?", "answers": [{"text": "end", "answer_start": 31}]}]},
                          {"qas": [], "context": "empty"}],
           "title": "Late title"},
          {"title": "Β", "paragraphs": [{"qas": [{"id": "u3", "question": "?", "answers": [], "is_impossible": true,
                                                  "plausible_answers": [{"text": "Ελλάδα", "answer_start": 0}]}],
                                          "context": "Ελλάδα"}]}],
         "version": "2.0"}
        """;

    static readonly string[] Samples = [SquadTests.Squad11, SquadTests.Squad20, Unicode];

    static byte[] Bytes(string json, bool bom = false) =>
        (bom ? [0xEF, 0xBB, 0xBF] : Array.Empty<byte>()).Concat(Encoding.UTF8.GetBytes(json)).ToArray();

    static string Describe(SquadExample e) =>
        $"{e.Id}|{e.Title}|{e.Question}|{e.Context}|{e.IsImpossible}|{e.JsonPath}|{e.ParagraphJsonPath}|" +
        string.Join(";", e.Answers.Select(a => $"{a.Text}@{a.AnswerStart}@{a.JsonPath}")) + "|" +
        string.Join(";", e.PlausibleAnswers.Select(a => $"{a.Text}@{a.AnswerStart}@{a.JsonPath}"));

    static (List<string> Examples, string? Version, bool HasBom) Stream(byte[] bytes, int bufferSize, string name = "mem.json")
    {
        using var reader = new SquadReader(new MemoryStream(bytes), name, bufferSize: bufferSize);
        var examples = reader.ReadExamples().Select(Describe).ToList();
        return (examples, reader.Version, reader.HasBom);
    }

    [Test]
    public void Streamed_examples_equal_the_whole_file_loaders([Values(0, 1, 2)] int sample, [Values(4, 7, SquadReader.DefaultBufferSize)] int bufferSize,
        [Values] bool bom)
    {
        var bytes = Bytes(Samples[sample], bom);
        var file = SquadFile.Parse(bytes, "mem.json");
        var (examples, version, hasBom) = Stream(bytes, bufferSize);
        Assert.That(examples, Is.EqualTo(file.Examples.Select(Describe)));
        Assert.That((version, hasBom), Is.EqualTo((file.Version, bom)));
    }

    [Test]
    public void Unicode_escapes_unknown_keys_and_a_late_title()
    {
        using var reader = new SquadReader(new MemoryStream(Bytes(Unicode)), "mem.json", bufferSize: 5);
        var examples = reader.ReadExamples().ToList();
        Assert.That(examples.Select(e => (e.Id, e.Title)), Is.EqualTo(new[] { ("u1", "Late title"), ("u2", "Late title"), ("u3", "Β") }));
        Assert.That(examples[0].Context, Is.EqualTo("Ελλάδα 😀 naïve\tcafé \"q\" \\ / é\U0001F600 end"));
        Assert.That(examples[0].Question, Is.EqualTo("Πού;\n"));
        Assert.That(examples[1].Answers[0].JsonPath, Is.EqualTo("data[0].paragraphs[0].qas[1].answers[0]"));
        Assert.That((examples[2].IsImpossible, examples[2].PlausibleAnswers[0].Text), Is.EqualTo((true, "Ελλάδα")));
        Assert.That(reader.Version, Is.EqualTo("2.0"));
    }

    [Test]
    public void A_value_longer_than_the_buffer_grows_it()
    {
        var context = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"w{i}é ")) + "target";
        var json = $$"""{"data": [{"title": "t", "paragraphs": [{"context": "{{context}}", "qas": [{"id": "a", "question": "q", "answers": [{"text": "target", "answer_start": {{context.Length - 6}}}]}]}]}]}""";
        var (examples, _, _) = Stream(Bytes(json), bufferSize: 1024);
        Assert.That(examples, Is.EqualTo(SquadFile.Parse(Bytes(json), "mem.json").Examples.Select(Describe)));
        Assert.That(Encoding.UTF8.GetByteCount(context), Is.GreaterThan(100 * 1024));
    }

    [Test]
    public void Generated_file_on_disk_reads_the_same_both_ways()
    {
        using var dir = new TempDirectory();
        var path = dir.File("train-v2.0.json");
        var questions = SquadReadBenchmark.WriteSynthetic(path, 1_000_000);
        using var reader = SquadReader.Open(path);
        var streamed = reader.ReadExamples().Select(Describe).ToList();
        Assert.That(streamed, Has.Count.EqualTo(questions));
        Assert.That(streamed, Is.EqualTo(SquadFile.Load(path).Examples.Select(Describe)));
        Assert.That(new FileInfo(path).Length, Is.GreaterThan(1_000_000));
    }

    sealed class CountingStream(Stream inner) : CountingReadStream
    {
        protected override int ReadMore(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);
    }

    [Test]
    public void Examples_are_handed_out_one_paragraph_behind_the_stream()
    {
        var data = new MemoryStream();
        var questions = SquadReadBenchmark.WriteSynthetic(data, 8_000_000);
        var bytes = data.ToArray();
        var source = new CountingStream(new MemoryStream(bytes));
        using var reader = new SquadReader(source, "generated.json");
        var seen = 0;
        var idAt = 0;
        long maxLead = 0;
        foreach (var example in reader.ReadExamples())
        {
            if (seen++ == 0) Assert.That(reader.Version, Is.EqualTo("v2.0"), "the version written first is known from the first example on");
            idAt = bytes.AsSpan(idAt).IndexOf(Encoding.UTF8.GetBytes($"\"{example.Id}\"")) + idAt;
            maxLead = Math.Max(maxLead, source.BytesRead - idAt);
        }
        Assert.That(seen, Is.EqualTo(questions));
        Assert.That(source.BytesRead, Is.EqualTo(bytes.Length));
        Assert.That(maxLead, Is.LessThan(SquadReader.DefaultBufferSize + 8 * 1024), "one read buffer plus the current paragraph");
    }

    static string StreamFails(byte[] bytes, int bufferSize) =>
        Assert.Throws<DataFormatException>(() => Stream(bytes, bufferSize))!.Message;

    static readonly string[] Malformed =
    [
        "",
        " \r\n\t ",
        "{\"data\": [\n{\"title\": \"x\",\n \"paragraphs\": [}]}",
        "{\"data\": [{\"title\": \"x\", \"paragraphs\": [",
        "{\"data\": []} {}",
        "[]",
        "{\"version\": \"1\"}",
        "{\"data\": {}}",
        "{\"data\": [{\"paragraphs\": [{\"qas\": []}]}]}",
        SquadTests.Squad11.Replace("\"id\": \"q2\", ", ""),
        SquadTests.Squad11.Replace("\"answer_start\": 5", "\"answer_start\": \"5\""),
        SquadTests.Squad11.Replace("\"answer_start\": 5", "\"answer_start\": 5.5"),
        SquadTests.Squad20.Replace("\"answer_start\": 16", "\"answer_start\": 15"),
        SquadTests.Squad20.Replace("\"answer_start\": 13", "\"answer_start\": 99"),
        SquadTests.Squad20.Replace("\"is_impossible\": true", "\"is_impossible\": 1"),
        Unicode.Replace("\"question\": \"?\"", "\"question\": 7"),
    ];

    [Test]
    public void Malformed_input_gives_the_whole_file_loaders_message([Range(0, 15)] int index, [Values(4, SquadReader.DefaultBufferSize)] int bufferSize)
    {
        var bytes = Bytes(Malformed[index]);
        var expected = Assert.Throws<DataFormatException>(() => SquadFile.Parse(bytes, "mem.json"))!.Message;
        Assert.That(StreamFails(bytes, bufferSize), Is.EqualTo(expected));
    }

    [Test]
    public void Malformed_input_messages()
    {
        Assert.That(StreamFails(Bytes(""), 64), Is.EqualTo("mem.json: empty file"));
        Assert.That(StreamFails(Bytes(" \n", bom: true), 64), Is.EqualTo("mem.json: empty file"));
        Assert.That(StreamFails(Bytes(Malformed[2]), 8), Does.StartWith("mem.json:3: invalid JSON"));
        Assert.That(StreamFails(Bytes(Malformed[3]), 8), Does.StartWith("mem.json:1: invalid JSON"));
        Assert.That(StreamFails(Bytes(Malformed[7]), 8), Is.EqualTo("mem.json at data: expected StartArray, found StartObject"));
        Assert.That(StreamFails(Bytes(Malformed[14]), 8), Is.EqualTo("mem.json at data[0].paragraphs[0].qas[1].is_impossible: expected true or false"));
    }

    /// <summary>Invalid bytes far into a file (many buffer refills, a 3-byte character split across reads before them)
    /// are reported at the same line and byte as <see cref="LineReader"/> reports them.</summary>
    [TestCase(16)]
    [TestCase(SquadReader.DefaultBufferSize)]
    public void Invalid_utf8_is_reported_with_its_line_and_byte(int bufferSize)
    {
        var padding = string.Concat(Enumerable.Repeat("  \"pad\": \"€€€\",\r\n", 5000));
        var prefix = Encoding.UTF8.GetBytes("{\n" + padding + "  \"version\": \"ab");
        var bytes = prefix.Concat(new byte[] { 0xE2, 0x82, 0x41 }).Concat(Encoding.UTF8.GetBytes("\",\n\"data\": []}")).ToArray();
        var message = StreamFails(bytes, bufferSize);
        Assert.That(message, Does.StartWith($"mem.json:{5002}: invalid UTF-8 (byte 0xE2 at byte {"  \"version\": \"ab".Length + 1} of the line)"));
        using var lines = new LineReader(new MemoryStream(bytes), "mem.json");
        Assert.That(Assert.Throws<DataFormatException>(() => lines.ReadLines().ToList())!.Message, Is.EqualTo(message));
    }

    [Test]
    public void An_escaped_lone_surrogate_is_reported_with_its_line()
    {
        var bytes = Bytes("{\"data\": [],\n \"version\": \"a\\ud800\"}");
        Assert.That(StreamFails(bytes, 4), Does.StartWith("mem.json:2: invalid JSON string: "));
        Assert.That(Assert.Throws<DataFormatException>(() => SquadFile.Parse(bytes, "mem.json"))!.Message, Does.StartWith("mem.json:2: invalid JSON string: "));
    }

    [Test]
    public void A_truncated_multibyte_character_at_the_end_is_invalid_utf8()
    {
        var bytes = Encoding.UTF8.GetBytes("{\"data\": []}\n ").Concat(new byte[] { 0xF0, 0x9F }).ToArray();
        Assert.That(StreamFails(bytes, 4), Is.EqualTo("mem.json:2: invalid UTF-8 (byte 0xF0 at byte 2 of the line)"));
    }

    [Test]
    public void Examples_can_be_read_only_once_and_a_missing_file_is_named()
    {
        using var reader = new SquadReader(new MemoryStream(Bytes(SquadTests.Squad11)), "mem.json");
        Assert.That(reader.ReadExamples().Count(), Is.EqualTo(2));
        Assert.Throws<InvalidOperationException>(() => reader.ReadExamples());
        using var dir = new TempDirectory();
        Assert.That(Assert.Throws<DataFormatException>(() => SquadReader.Open(dir.File("no.json")))!.Message, Is.EqualTo($"{dir.File("no.json")}: file not found"));
    }

    [Test]
    public void Benchmark_reports_both_readers_on_the_same_examples()
    {
        using var dir = new TempDirectory();
        var path = dir.File("bench.json");
        var questions = SquadReadBenchmark.WriteSynthetic(path, 3_000_000);
        var rows = SquadReadBenchmark.Measure(path);
        Assert.That(rows.Select(r => r.Reader), Is.EqualTo(new[] { SquadReadBenchmark.Streamed, SquadReadBenchmark.WholeFile }));
        foreach (var row in rows)
        {
            Assert.That((row.Examples, row.FileBytes), Is.EqualTo((questions, new FileInfo(path).Length)));
            Assert.That(row.MegabytesPerSecond, Is.EqualTo(row.FileBytes / 1e6 / row.Seconds).Within(1e-9));
        }
        Assert.That(rows[0].PeakLiveBytes, Is.LessThan(rows[1].PeakLiveBytes / 4), "streaming keeps a buffer and a paragraph, the loader the whole file");
    }
}
