using CharBert.Experiments.Demo;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Demo;

public class LineLimitedCopyTests
{
    [Test]
    public void Takes_evenly_spaced_lines_and_keeps_the_header()
    {
        using var dir = new TempFolder();
        var source = dir.Write("in.tsv", "sentence\tlabel\n" + string.Concat(Enumerable.Range(0, 10).Select(i => $"s{i}\t{i % 2}\n")));
        LineLimitedCopy.Write(source, dir.File("out.tsv"), maxUnits: 5, blankLineUnits: false, keepHeader: true);
        Assert.That(File.ReadAllLines(dir.File("out.tsv")), Is.EqualTo(new[] { "sentence\tlabel", "s0\t0", "s2\t0", "s4\t0", "s6\t0", "s8\t0" }));
    }

    [Test]
    public void Takes_whole_blank_line_separated_sentences_spread_over_the_file()
    {
        using var dir = new TempFolder();
        var source = dir.Write("in.txt", string.Concat(Enumerable.Range(0, 6).Select(i => $"w{i}a X\nw{i}b Y\n\n\n")));
        LineLimitedCopy.Write(source, dir.File("out.txt"), maxUnits: 3, blankLineUnits: true, keepHeader: false);
        Assert.That(File.ReadAllText(dir.File("out.txt")), Is.EqualTo("w0a X\nw0b Y\n\nw2a X\nw2b Y\n\nw4a X\nw4b Y\n\n"));
    }

    [Test]
    public void A_file_smaller_than_the_limit_is_copied_whole()
    {
        using var dir = new TempFolder();
        var source = dir.Write("in.txt", "a\nb\nc\n");
        LineLimitedCopy.Write(source, dir.File("out.txt"), maxUnits: 100, blankLineUnits: false, keepHeader: false);
        Assert.That(File.ReadAllText(dir.File("out.txt")), Is.EqualTo("a\nb\nc\n"));
    }
}
