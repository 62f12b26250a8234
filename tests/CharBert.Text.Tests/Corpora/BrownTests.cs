using CharBert.Text.Corpora.Brown;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

public class BrownTests
{
    [TestCase("nn", "NN")]
    [TestCase("np-tl", "NP")]
    [TestCase("nn-tl-hl", "NN")]
    [TestCase("jj-nc", "JJ")]
    [TestCase("nn$", "NN$")]
    [TestCase("nns$-tl", "NNS$")]
    [TestCase("pps+bez", "PPS")]
    [TestCase("fw-nn", "NN")]
    [TestCase("fw-at-tl", "AT")]
    [TestCase("bez*", "BEZ*")]
    [TestCase("*", "*")]
    [TestCase("--", "--")]
    [TestCase("``", "``")]
    public void Tags_map_to_their_base_tag(string tag, string expected)
    {
        Assert.That(BrownTagMapper.ToBaseTag(tag), Is.EqualTo(expected));
    }

    [TestCase("ca01", "train")]
    [TestCase("ca09", "dev")]
    [TestCase("ca10", "test")]
    [TestCase("cr19", "dev")]
    public void Files_split_by_their_number(string file, string split)
    {
        Assert.That(BrownConverter.SplitOf(file), Is.EqualTo(split));
    }

    [Test]
    public void Converts_a_synthetic_package()
    {
        using var temp = new TempFolder();
        // Brown layout: a blank line, then a tab-indented sentence; headline lines follow directly.
        temp.Write("package/ca01", "\n\n\tA/at red/jj-tl dog/nn ``/`` barked/vbd ''/'' ./.\nNews/nn-hl\n\n\n\tIt's/pps+bez 1/2/cd ./.\n");
        temp.Write("package/ca09", "\n\tDev/np ./.\n");
        temp.Write("package/ca10", "\n\tTest/np ./.\n");
        temp.Write("package/cb01", "\n\tSecond/od doc/nn ./.\n");
        temp.Write("package/README", "not a corpus file/xx\n");
        var converter = new BrownConverter();

        var files = converter.Convert(temp.Combine("package"), temp.Combine("out"));

        Assert.That(files.Select(f => (f.Path, f.Items)), Is.EqualTo(new[]
        {
            ("pos/train.txt", 4), ("pos/dev.txt", 1), ("pos/test.txt", 1), ("pretrain.txt", 4),
        }));
        Assert.That(File.ReadAllText(temp.Combine("out", "pos", "train.txt")), Is.EqualTo(
            "A AT\nred JJ\ndog NN\n`` ``\nbarked VBD\n'' ''\n. .\n\nNews NN\n\nIt's PPS\n1/2 CD\n. .\n\nSecond OD\ndoc NN\n. .\n\n"));
        Assert.That(File.ReadAllText(temp.Combine("out", "pos", "test.txt")), Is.EqualTo("Test NP\n. .\n\n"));
        // only train files, one sentence per line, a blank line between documents (files)
        Assert.That(File.ReadAllText(temp.Combine("out", "pretrain.txt")), Is.EqualTo(
            "A red dog \" barked \" .\nNews\nIt's 1/2 .\n\nSecond doc .\n"));
        Assert.That(converter.Needs("ca01"), Is.True);
        Assert.That(converter.Needs("README"), Is.False);
    }

    [Test]
    public void A_token_without_tag_names_file_and_line()
    {
        using var temp = new TempFolder();
        var path = temp.Write("package/ca01", "\n\tGood/jj\n\tbroken ./.\n");
        var e = Assert.Throws<DataFormatException>(() => new BrownConverter().Convert(temp.Combine("package"), temp.Combine("out")));
        Assert.That(e!.FilePath, Is.EqualTo(path));
        Assert.That(e.Line, Is.EqualTo(3));
        Assert.That(e.Problem, Does.Contain("'broken'"));
    }

    [Test]
    public void A_package_without_brown_files_is_rejected()
    {
        using var temp = new TempFolder();
        temp.Write("package/README", "x");
        Assert.Throws<DataFormatException>(() => new BrownConverter().Convert(temp.Combine("package"), temp.Combine("out")));
    }
}
