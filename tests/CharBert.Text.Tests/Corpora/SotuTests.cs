using CharBert.Text.Corpora.Sotu;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

public class SotuTests
{
    [Test]
    public void Addresses_become_one_line_each_in_file_name_order()
    {
        using var temp = new TempFolder();
        temp.Write("package/data/1801_a_b_n.txt", "Fellow citizens:  we\tmet.\r\nThe end.");
        temp.Write("package/data/1790_c_d_n.txt", "First address.\n");
        temp.Write("package/data/1790_c_d_n.json", "{\"text\":\"ignored\"}");
        var converter = new SotuConverter();

        var files = converter.Convert(temp.Combine("package"), temp.Combine("out"));

        Assert.That(files.Single().Items, Is.EqualTo(2));
        Assert.That(File.ReadAllText(temp.Combine("out", "pretrain.txt")),
            Is.EqualTo("First address.\n\nFellow citizens: we met. The end.\n"));
        Assert.That(converter.Needs("data/1790_c_d_n.txt"), Is.True);
        Assert.That(converter.Needs("data/1790_c_d_n.json"), Is.False);
        Assert.That(converter.Needs("docs/types/x.txt"), Is.False);
    }

    [Test]
    public void An_empty_address_is_an_error_naming_the_file()
    {
        using var temp = new TempFolder();
        var path = temp.Write("package/data/1790_x.txt", " \n ");
        var e = Assert.Throws<DataFormatException>(() => new SotuConverter().Convert(temp.Combine("package"), temp.Combine("out")));
        Assert.That(e!.FilePath, Is.EqualTo(path));
    }
}
