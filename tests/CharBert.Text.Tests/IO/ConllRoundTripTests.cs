using CharBert.Text.IO.Conll;
using CharBert.TestSupport;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class ConllRoundTripTests
{
    internal static byte[] RoundTrip(string path, ConllOptions? options = null)
    {
        using var reader = ConllReader.Open(path, options);
        var output = new MemoryStream();
        ConllWriter.Write(output, reader.ReadSentences(), reader.HasBom);
        return output.ToArray();
    }

    [TestCase("data/conll2003/train.txt")]
    [TestCase("data/conll2003/dev.txt")]
    [TestCase("data/conll2003/test.txt")]
    public void Real_conll2003_files_round_trip_byte_identical(string relative)
    {
        var path = SharedPaths.RequireFile(relative);
        ByteAssert.Identical(RoundTrip(path), File.ReadAllBytes(path));
    }

    [TestCase("data/conll2003/train.txt")]
    [TestCase("data/conll2003/test.txt")]
    public void Real_conll2003_sentences_are_the_blank_separated_groups(string relative)
    {
        var path = SharedPaths.RequireFile(relative);
        var groups = File.ReadAllText(path).Split('\n').Aggregate((count: 0, inGroup: false), (state, line) =>
            line.Trim().Length == 0 ? (state.count, false) : (state.inGroup ? state.count : state.count + 1, true)).count;

        using var reader = ConllReader.Open(path);
        var sentences = reader.ReadSentences().ToList();
        Assert.That(sentences, Has.Count.EqualTo(groups));
        Assert.That(reader.ColumnCount, Is.EqualTo(4));
        Assert.That(sentences.SelectMany(s => s.Labels).Distinct(), Is.SubsetOf(new[]
            { "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC" }));
    }

    [TestCase("\n", false, true)]
    [TestCase("\r\n", false, true)]
    [TestCase("\n", true, false)]
    [TestCase("\r\n", true, false)]
    public void Two_column_tab_file_with_docstart_and_blank_runs_round_trips(string newline, bool bom, bool finalNewline)
    {
        var lines = new[]
        {
            "", "-DOCSTART-\tO", "", "", "Zürich\tB-LOC", "is\tO", "  calm\t\tO  ", "", "", "", "-DOCSTART-\tO", "",
            "Ann\tB-PER", "left\tO", "",
        };
        var text = string.Join(newline, lines) + (finalNewline ? newline : "");
        using var dir = new TempDirectory();
        var path = dir.Write("two.tsv", text, bom);

        ByteAssert.Identical(RoundTrip(path), File.ReadAllBytes(path));

        using var reader = ConllReader.Open(path);
        var sentences = reader.ReadSentences().ToList();
        Assert.That(reader.HasBom, Is.EqualTo(bom));
        Assert.That(sentences.Select(s => string.Join(" ", s.Words)), Is.EqualTo(new[] { "Zürich is calm", "Ann left" }));
        Assert.That(sentences[0].Labels, Is.EqualTo(new[] { "B-LOC", "O", "O" }));
        Assert.That(sentences[0].Before.Count(l => l.IsDocStart), Is.EqualTo(1));
        Assert.That(sentences[1].Before.Select(l => l.Text), Is.EqualTo(new[] { "", "", "", "-DOCSTART-\tO", "" }));
        Assert.That(sentences[1].After.Count, Is.EqualTo(finalNewline ? 1 : 0));
    }

    [Test]
    public void File_ending_inside_a_sentence_without_newline_round_trips()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("a.txt", "Marvin NNP B-NP B-PER\nvisited VBD B-VP O");
        ByteAssert.Identical(RoundTrip(path), File.ReadAllBytes(path));
    }

    [Test]
    public void Writing_to_a_path_replaces_the_file_atomically()
    {
        using var dir = new TempDirectory();
        var source = dir.Write("in.txt", "a O\nb B-X\n\nc O\n");
        var target = dir.Write("out.txt", "old content that is longer than the new one\n");
        using (var reader = ConllReader.Open(source)) ConllWriter.Write(target, reader.ReadSentences(), reader.HasBom);
        Assert.That(File.ReadAllBytes(target), Is.EqualTo(File.ReadAllBytes(source)));
        Assert.That(Directory.GetFiles(dir.Path), Has.Length.EqualTo(2), "no temp file left behind");
    }
}
