using System.Text;
using CharBert.Text.IO.Conll;
using CharBert.TestSupport;
using NUnit.Framework;

namespace CharBert.Text.Tests.IO;

public class ConllSentenceTests
{
    const string FourColumns = "-DOCSTART- -X- -X- O\n\nAcme NNP B-NP B-ORG\nhires VBZ B-VP O\nDutch JJ B-NP B-MISC\n\nMarvin NNP B-NP B-PER\n";

    static List<ConllSentence> Read(string text, ConllOptions? options = null)
    {
        using var reader = new ConllReader(new MemoryStream(Encoding.UTF8.GetBytes(text)), "mem.txt", options);
        return reader.ReadSentences().ToList();
    }

    static string Write(IEnumerable<ConllSentence> sentences)
    {
        var output = new MemoryStream();
        ConllWriter.Write(output, sentences, withBom: false);
        return Encoding.UTF8.GetString(output.ToArray());
    }

    [Test]
    public void Label_column_defaults_to_the_last_and_can_be_chosen_by_name_or_index()
    {
        Assert.That(Read(FourColumns)[0].Labels, Is.EqualTo(new[] { "B-ORG", "O", "B-MISC" }));
        Assert.That(Read(FourColumns, ConllOptions.Pos)[0].Labels, Is.EqualTo(new[] { "NNP", "VBZ", "JJ" }));
        Assert.That(Read(FourColumns, new ConllOptions { LabelColumnName = "chunk" })[0].Labels, Is.EqualTo(new[] { "B-NP", "B-VP", "B-NP" }));
        Assert.That(Read(FourColumns, new ConllOptions { LabelColumnIndex = 1 })[0].Labels, Is.EqualTo(new[] { "NNP", "VBZ", "JJ" }));
    }

    [Test]
    public void Entities_are_tokens_whose_label_is_not_O()
    {
        var first = Read(FourColumns)[0];
        Assert.That(first.EntityIndexes, Is.EqualTo(new[] { 0, 2 }));
        Assert.That(first.IsEntity(1), Is.False);
    }

    [Test]
    public void Replacing_a_word_changes_only_that_word()
    {
        var sentences = Read(FourColumns);
        sentences[0] = sentences[0].WithWord(2, "Dtch");
        Assert.That(Write(sentences), Is.EqualTo(FourColumns.Replace("Dutch JJ", "Dtch JJ")));
        Assert.That(sentences[0].Labels, Is.EqualTo(new[] { "B-ORG", "O", "B-MISC" }));
    }

    [Test]
    public void Replacing_all_words_keeps_separators_and_line_endings()
    {
        const string text = "a\tO\r\n  b \t B-X \r\n";
        var sentence = Read(text).Single().WithWords(["AA", "BB"]);
        Assert.That(Write([sentence]), Is.EqualTo("AA\tO\r\n  BB \t B-X \r\n"));
    }

    [Test]
    public void Replacing_a_word_with_one_that_would_not_read_back_is_refused()
    {
        var sentence = Read(FourColumns)[0];
        Assert.Throws<ArgumentException>(() => sentence.WithWord(0, "two words"));
        Assert.Throws<ArgumentException>(() => sentence.WithWord(0, ""));
        Assert.Throws<ArgumentException>(() => sentence.WithWord(0, "-DOCSTART-"));
        Assert.Throws<ArgumentException>(() => sentence.WithWords(["only-one"]));
    }

    [Test]
    public void Modify_and_write_on_real_conll_changes_only_the_entity_words()
    {
        var path = SharedPaths.RequireFile("data/conll2003/dev.txt");
        using var dir = new TempDirectory();
        var output = dir.File("dev.attacked.txt");
        using (var reader = ConllReader.Open(path))
            ConllWriter.Write(output, reader.ReadSentences().Select(s =>
                s.WithWords(s.Words.Select((w, i) => s.IsEntity(i) ? w.ToUpperInvariant() + "X" : w).ToArray())), reader.HasBom);

        var originalLines = File.ReadAllText(path).Split('\n');
        var changedLines = File.ReadAllText(output).Split('\n');
        Assert.That(changedLines, Has.Length.EqualTo(originalLines.Length));
        var changed = 0;
        for (var i = 0; i < originalLines.Length; i++)
        {
            if (originalLines[i] == changedLines[i]) continue;
            changed++;
            var before = originalLines[i].Split(' ');
            var after = changedLines[i].Split(' ');
            Assert.That(after[0], Is.EqualTo(before[0].ToUpperInvariant() + "X"), $"line {i + 1}");
            Assert.That(after[1..], Is.EqualTo(before[1..]), $"line {i + 1}");
            Assert.That(before[^1], Is.Not.EqualTo("O"), $"line {i + 1}");
        }
        var entityLines = originalLines.Count(l => l.Split(' ') is { Length: 4 } f && f[3] != "O");
        Assert.That(changed, Is.EqualTo(entityLines));
    }
}
