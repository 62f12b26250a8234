using System.Text;
using CharBert.Attacks.Formats;
using CharBert.Text.IO;
using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Tsv;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>Bad lines stop a streaming run with the message the line readers give (file:line: problem), the first bad
/// line in file order wins whatever the thread count, and nothing is left behind: no output folder, no staging folder.</summary>
public class StreamingErrorTests
{
    static string GoodConll(int sentences) =>
        string.Concat(Enumerable.Range(0, sentences).Select(s => $"Word{s} NN B-NP B-PER\nother NN B-NP O\n\n"));

    static DataFormatException RunExpectingError(TempDirectory dir, IAttackFormat format, string input, int threads = 3)
    {
        var error = Assert.Throws<DataFormatException>(() => AttackFiles.Attack(format, input, dir.File("out"), "charbert2020", threads: threads, chunkBytes: 64))!;
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { Path.GetFileName(input) }),
            "no output folder and no staging folder left");
        return error;
    }

    static string ReaderMessage(Action read) => Assert.Throws<DataFormatException>(() => read())!.Message;

    [Test]
    public void Conll_wrong_column_count_far_into_the_file_names_its_line_like_the_reader()
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.txt");
        File.WriteAllText(path, GoodConll(300) + "broken NN O\n\n" + GoodConll(5) + "also broken\n");
        var expected = ReaderMessage(() => { using var r = ConllReader.Open(path); r.ReadSentences().ToList(); });
        Assert.That(expected, Does.StartWith($"{path}:901: wrong column count"));
        Assert.That(RunExpectingError(dir, new ConllAttackFormat(), path).Message, Is.EqualTo(expected));
    }

    [Test]
    public void Conll_invalid_utf8_and_a_one_column_first_line_give_the_readers_messages()
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.txt");
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(GoodConll(200)), .. "caf"u8, 0xC3, .. " NN B-NP O\n"u8]);
        var expected = ReaderMessage(() => { using var r = ConllReader.Open(path); r.ReadSentences().ToList(); });
        Assert.That(expected, Does.Contain(":601: invalid UTF-8 (byte 0xC3 at byte 4 of the line)"));
        Assert.That(RunExpectingError(dir, new ConllAttackFormat(), path).Message, Is.EqualTo(expected));

        File.WriteAllText(path, "\n\nlonely\nwords\n");
        expected = ReaderMessage(() => { using var r = ConllReader.Open(path); r.ReadSentences().ToList(); });
        Assert.That(RunExpectingError(dir, new ConllAttackFormat(), path).Message, Is.EqualTo(expected).And.Contains(":3:"));
    }

    [TestCase("", "empty file")]
    [TestCase("\n \n-DOCSTART- -X- O\n\n", "no sentences")]
    public void Conll_files_without_sentences_are_refused(string content, string problem)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), content);
        Assert.That(RunExpectingError(dir, new ConllAttackFormat(), dir.File("in.txt")).Message, Does.Contain(problem));
    }

    [Test]
    public void Tsv_unknown_label_and_wrong_column_count_give_the_readers_messages_first_in_file_order()
    {
        using var dir = new TempDirectory();
        var path = dir.File("dev.tsv");
        var rows = Enumerable.Range(0, 200).Select(i => $"{i}\tWhere is it?\tIt is here.\tentailment").ToList();
        rows[150] = "150\tWhere?\tHere.\tmaybe";
        rows[170] = "170\ttoo\tmany\tfields\tentailment";
        File.WriteAllText(path, "index\tquestion\tsentence\tlabel\n" + string.Join("\n", rows) + "\n");
        var expected = ReaderMessage(() => { using var r = TsvReader.Open(path, GlueLayouts.Qnli); r.ReadRecords().ToList(); });
        Assert.That(expected, Does.StartWith($"{path}:152: unknown label 'maybe'"));
        Assert.That(RunExpectingError(dir, new TsvAttackFormat(GlueLayouts.Qnli), path, threads: 4).Message, Is.EqualTo(expected));

        rows[150] = "150\tWhere?\tHere.\tentailment";
        File.WriteAllText(path, "index\tquestion\tsentence\tlabel\n" + string.Join("\n", rows) + "\n");
        expected = ReaderMessage(() => { using var r = TsvReader.Open(path, GlueLayouts.Qnli); r.ReadRecords().ToList(); });
        Assert.That(RunExpectingError(dir, new TsvAttackFormat(GlueLayouts.Qnli), path, threads: 4).Message, Is.EqualTo(expected).And.Contains(":172: wrong column count"));
    }

    [Test]
    public void Text_with_a_nul_byte_or_invalid_utf8_is_refused_at_its_line()
    {
        using var dir = new TempDirectory();
        var path = dir.File("corpus.txt");
        var good = string.Concat(Enumerable.Range(0, 500).Select(i => $"line number {i} of made up text\n"));
        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(good), .. "binary"u8, 0, .. "junk\n"u8]);
        Assert.That(RunExpectingError(dir, new TextAttackFormat(), path).Message,
            Is.EqualTo($"{path}:501: NUL byte at byte 7 of the line (a binary file, or text not saved as UTF-8)"));

        File.WriteAllBytes(path, [.. Encoding.UTF8.GetBytes(good), .. "bad "u8, 0xFF, .. "\n"u8]);
        var expected = ReaderMessage(() => { using var r = LineReader.Open(path); r.ReadLines().ToList(); });
        Assert.That(RunExpectingError(dir, new TextAttackFormat(), path).Message, Is.EqualTo(expected).And.Contains(":501: invalid UTF-8"));

        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF]);
        Assert.That(RunExpectingError(dir, new TextAttackFormat(), path).Message, Is.EqualTo($"{path}: empty file"));
    }

    [Test]
    public void A_failed_run_leaves_an_earlier_complete_run_in_the_folder_untouched()
    {
        using var dir = new TempDirectory();
        var path = dir.File("in.txt");
        File.WriteAllText(path, GoodConll(50));
        var first = AttackFiles.Attack(new ConllAttackFormat(), path, dir.File("out"), "charbert2020");
        var before = Directory.GetFiles(dir.File("out")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);

        File.WriteAllText(path, GoodConll(400) + "broken line\n");
        Assert.Throws<DataFormatException>(() => AttackFiles.Attack(new ConllAttackFormat(), path, dir.File("out"), "charbert2020", chunkBytes: 64));
        var after = Directory.GetFiles(dir.File("out")).ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes);
        Assert.That(after.Keys, Is.EquivalentTo(before.Keys));
        foreach (var (name, bytes) in before) Assert.That(after[name], Is.EqualTo(bytes), name);
        Assert.That(first.Manifest.Sets[0].Output.Sha256, Is.EqualTo(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(after[first.Manifest.Sets[0].Output.File]))));
        Assert.That(Directory.GetDirectories(dir.Path), Is.EquivalentTo(new[] { dir.File("out") }), "no staging folder left");
    }
}
