using System.Text;
using CharBert.Text.IO;
using CharBert.Text.IO.Conll;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class ConllErrorTests
{
    static DataFormatException ReadFails(byte[] bytes, ConllOptions? options = null)
    {
        using var reader = new ConllReader(new MemoryStream(bytes), "bad.txt", options);
        return Assert.Throws<DataFormatException>(() => reader.ReadSentences().ToList())!;
    }

    static DataFormatException ReadFails(string text, ConllOptions? options = null) => ReadFails(Encoding.UTF8.GetBytes(text), options);

    [Test]
    public void Wrong_column_count_names_the_line()
    {
        var error = ReadFails("Marvin NNP B-NP B-PER\nvisited VBD O\n");
        Assert.That(error.Message, Is.EqualTo("bad.txt:2: wrong column count: expected 4 columns like the first token line, found 3"));
    }

    [Test]
    public void Empty_file_and_file_without_sentences_are_errors()
    {
        Assert.That(ReadFails("").Message, Is.EqualTo("bad.txt: empty file"));
        Assert.That(ReadFails("-DOCSTART- O\n\n").Message, Is.EqualTo("bad.txt: no sentences: the file holds only blank and -DOCSTART- lines"));
    }

    [Test]
    public void Invalid_utf8_names_the_line()
    {
        var bytes = Encoding.UTF8.GetBytes("a O\n\nb ").Concat(new byte[] { 0xFF }).Concat(Encoding.UTF8.GetBytes(" O\n")).ToArray();
        Assert.That(ReadFails(bytes).Message, Does.StartWith("bad.txt:3: invalid UTF-8"));
    }

    [Test]
    public void Unknown_label_column_is_reported()
    {
        var error = ReadFails("a\tO\n", ConllOptions.Ner);
        Assert.That(error.Message, Is.EqualTo("bad.txt:1: label column 'ner' not found: a 2-column file has columns word, tag"));
        Assert.That(ReadFails("a\tO\n", new ConllOptions { LabelColumnIndex = 2 }).Message, Does.Contain("out of range"));
        Assert.That(ReadFails("lonely\n").Message, Is.EqualTo("bad.txt:1: a token line needs at least 2 columns (word and label)"));
    }
}
