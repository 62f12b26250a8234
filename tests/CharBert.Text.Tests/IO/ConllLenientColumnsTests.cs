using System.Text;
using CharBert.Text.IO;
using CharBert.Text.IO.Conll;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

/// <summary>The shape of the CharBERT authors' CharAttack_NER file: an attack inserted a space into some words, so those
/// token lines have 5 (or 6) space-separated fields where the file has 4.</summary>
public class ConllLenientColumnsTests
{
    const string SplitWords =
        "SOCCER NN B-NP O\n" +
        "JA PAN NNP B-NP B-LOC\n" +     // "JAPAN" with a space inserted: 5 fields
        "GET VB B-VP O\n" +
        "\n" +
        "C hi na NNP B-NP B-LOC\n" +    // two spaces: 6 fields
        ". . O O\n";

    static List<ConllSentence> Read(string text, ConllOptions options, out ConllReader reader)
    {
        reader = new ConllReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "attacked.txt", options);
        return reader.ReadSentences().ToList();
    }

    [Test]
    public void Strict_reading_stays_the_default_and_names_the_line()
    {
        using var reader = new ConllReader(new MemoryStream(Encoding.UTF8.GetBytes(SplitWords)), "attacked.txt");
        var error = Assert.Throws<DataFormatException>(() => reader.ReadSentences().ToList())!;
        Assert.That(error.Message, Is.EqualTo("attacked.txt:2: wrong column count: expected 4 columns like the first token line, found 5"));
    }

    [Test]
    public void Lenient_reading_takes_the_first_field_as_word_and_the_last_as_label_and_counts_the_lines()
    {
        var sentences = Read(SplitWords, ConllOptions.Default with { LenientColumns = true }, out var reader);
        using (reader)
        {
            Assert.That(sentences.Select(s => s.Words), Is.EqualTo(new[] { new[] { "SOCCER", "JA", "GET" }, new[] { "C", "." } }));
            Assert.That(sentences.Select(s => s.Labels), Is.EqualTo(new[] { new[] { "O", "B-LOC", "O" }, new[] { "B-LOC", "O" } }));
            Assert.That(sentences[0].Tokens[1].Fields, Is.EqualTo(new[] { "JA", "NNP", "B-NP", "B-LOC" }), "the other columns are the line's last fields");
            Assert.That((reader.LenientLines, reader.FirstLenientLine), Is.EqualTo((2, (long?)2)));
        }
    }

    [Test]
    public void Lenient_reading_of_a_well_formed_file_changes_nothing()
    {
        const string clean = "Marvin NNP B-NP B-PER\nvisited VBD B-VP O\n";
        var sentences = Read(clean, ConllOptions.Default with { LenientColumns = true }, out var reader);
        using (reader)
        {
            Assert.That(reader.LenientLines, Is.Zero);
            Assert.That(sentences[0].Tokens.Select(t => t.Render()), Is.EqualTo(new[] { "Marvin NNP B-NP B-PER\n", "visited VBD B-VP O\n" }));
        }
    }

    [Test]
    public void Lenient_reading_needs_the_label_in_the_last_column_and_still_rejects_missing_fields()
    {
        var posColumn = new ConllOptions { LabelColumnIndex = 1, LenientColumns = true };
        using var reader = new ConllReader(new MemoryStream(Encoding.UTF8.GetBytes(SplitWords)), "attacked.txt", posColumn);
        Assert.That(Assert.Throws<DataFormatException>(() => reader.ReadSentences().ToList())!.Message,
            Does.StartWith("attacked.txt:2: 5 columns where the first token line has 4").And.Contain("the label column is 1"));
        using var fewer = new ConllReader(new MemoryStream(Encoding.UTF8.GetBytes("Marvin NNP B-NP B-PER\nvisited VBD O\n")), "short.txt",
            ConllOptions.Default with { LenientColumns = true });
        Assert.That(Assert.Throws<DataFormatException>(() => fewer.ReadSentences().ToList())!.Message, Does.Contain("found 3"));
    }
}
