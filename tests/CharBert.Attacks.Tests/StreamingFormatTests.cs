using System.Text;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Tsv;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>The streaming formats against the line readers they replace for attacks (ConllReader, TsvReader,
/// LineReader + WhitespaceWords, an independent string-based path): same records, and the same bytes out, for any chunk
/// size (tiny chunks put boundaries everywhere) and thread count.</summary>
public class StreamingFormatTests
{
    static readonly int[] ChunkSizes = [16, 61, 997, 64 * 1024];

    static IReadOnlyList<AttackRecordInput> Stream(IAttackFormat format, string path, int chunkBytes)
    {
        using var stream = File.OpenRead(path);
        using var reader = format.Open(stream, path, chunkBytes);
        var records = new List<AttackRecordInput>();
        while (reader.Read() is { } chunk)
            using (chunk) records.AddRange(chunk.Records.ToInputs());
        return records;
    }

    /// <summary>Ids, words and which words may be attacked (no flags means all may).</summary>
    static string Describe(IEnumerable<AttackRecordInput> records) => string.Join("\n",
        records.Select(r => $"{r.Id}: {string.Join(" | ", r.Words)} allowed {string.Join("", (r.Allowed ?? r.Words.Select(_ => true).ToArray()).Select(a => a ? 1 : 0))}"));

    [TestCase(1UL)]
    [TestCase(2UL)]
    [TestCase(3UL)]
    public void Conll_records_match_the_conll_reader_for_any_chunk_size(ulong seed)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("in.txt"), MessyFiles.Conll(seed, 150));
        using var reader = ConllReader.Open(dir.File("in.txt"));
        var sentences = reader.ReadSentences().ToArray();
        var expected = Describe(sentences.Select((s, i) => new AttackRecordInput($"s{i}", s.Words,
            Enumerable.Range(0, s.Tokens.Count).Select(s.IsEntity).ToArray())));
        foreach (var size in ChunkSizes)
            Assert.That(Describe(Stream(new ConllAttackFormat(ConllTokenFilter.EntitiesOnly), dir.File("in.txt"), size)), Is.EqualTo(expected), $"chunks of {size}");
    }

    [TestCase(4UL)]
    [TestCase(5UL)]
    public void Tsv_records_match_the_tsv_reader_split_on_whitespace(ulong seed)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("dev.tsv"), MessyFiles.Qnli(seed, 120));
        using var reader = TsvReader.Open(dir.File("dev.tsv"), GlueLayouts.Qnli);
        var expected = Describe(reader.ReadRecords().SelectMany(r => new[] { 1, 2 }.Select(c =>
            new AttackRecordInput($"L{r.LineNumber}c{c}", WhitespaceWords.Split(r.Fields[c]).Words))));
        foreach (var size in ChunkSizes)
            Assert.That(Describe(Stream(new TsvAttackFormat(GlueLayouts.Qnli), dir.File("dev.tsv"), size)), Is.EqualTo(expected), $"chunks of {size}");
    }

    [TestCase(6UL)]
    [TestCase(7UL)]
    public void Text_records_are_the_lines_with_words_split_on_whitespace(ulong seed)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("corpus.txt"), MessyFiles.Text(seed, 400));
        using var lines = LineReader.Open(dir.File("corpus.txt"));
        var expected = Describe(lines.ReadLines().Select(l => new AttackRecordInput($"L{l.Number}", WhitespaceWords.Split(l.Text).Words))
            .Where(r => r.Words.Count > 0));
        foreach (var size in ChunkSizes)
            Assert.That(Describe(Stream(new TextAttackFormat(), dir.File("corpus.txt"), size)), Is.EqualTo(expected), $"chunks of {size}");
    }

    static IEnumerable<TestCaseData> Formats()
    {
        yield return new TestCaseData("ner", (Func<ulong, byte[]>)(s => MessyFiles.Conll(s, 120)), ".txt").SetName("conll");
        yield return new TestCaseData("glue:qnli", (Func<ulong, byte[]>)(s => MessyFiles.Qnli(s, 100)), ".tsv").SetName("tsv");
        yield return new TestCaseData("text", (Func<ulong, byte[]>)(s => MessyFiles.Text(s, 300)), ".txt").SetName("text");
    }

    [TestCaseSource(nameof(Formats))]
    public void Unattacked_output_is_the_input_byte_for_byte_and_attacked_output_does_not_depend_on_chunks_or_threads(
        string task, Func<ulong, byte[]> make, string extension)
    {
        using var dir = new TempDirectory();
        var input = dir.File("in" + extension);
        File.WriteAllBytes(input, make(11));
        var format = AttackFormats.ForTask(TaskId.Parse(task));
        foreach (var size in ChunkSizes)
        {
            var same = AttackFiles.Attack(format, input, dir.File($"same{size}"), "rate", rate: 0, chunkBytes: size);
            Assert.That(File.ReadAllBytes(same.Output), Is.EqualTo(File.ReadAllBytes(input)), $"rate 0, chunks of {size}");
        }
        var reference = File.ReadAllBytes(AttackFiles.Attack(format, input, dir.File("ref"), "charbert2020", threads: 1).Output);
        Assert.That(reference, Is.Not.EqualTo(File.ReadAllBytes(input)));
        foreach (var (size, threads) in new[] { (16, 3), (61, 2), (997, 4) })
            Assert.That(File.ReadAllBytes(AttackFiles.Attack(format, input, dir.File($"a{size}"), "charbert2020", threads: threads, chunkBytes: size).Output),
                Is.EqualTo(reference), $"chunks of {size}, {threads} threads");
    }

    [Test]
    public void Attacked_text_is_each_line_rebuilt_from_the_generators_words_with_its_whitespace_kept()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("corpus.txt"), MessyFiles.Text(12, 400));
        var output = AttackFiles.Attack(new TextAttackFormat(), dir.File("corpus.txt"), dir.File("out"), "charbert2020", seed: 5, chunkBytes: 200).Output;

        // Independent path: LineReader, WhitespaceWords and the generator one record at a time.
        var generator = new AttackSetGenerator(new CharBert2020Recipe(WordGranularity.Sentence), 5, WordGranularity.Sentence);
        using var lines = LineReader.Open(dir.File("corpus.txt"));
        var expected = new MemoryStream();
        if (lines.HasBom) expected.Write([0xEF, 0xBB, 0xBF]);
        foreach (var line in lines.ReadLines())
        {
            var words = WhitespaceWords.Split(line.Text);
            var text = words.Words.Count == 0 ? line.Text
                : words.Rebuild(generator.Attack(new AttackRecordInput($"L{line.Number}", words.Words), new AttackCounters()).Words);
            expected.Write(Encoding.UTF8.GetBytes(text + line.Ending));
        }
        Assert.That(File.ReadAllBytes(output), Is.EqualTo(expected.ToArray()));
    }
}
