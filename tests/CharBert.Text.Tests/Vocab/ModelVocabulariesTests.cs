using CharBert.Text.Tests.IO;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Vocab;

public class ModelVocabulariesTests
{
    // A WordPiece vocabulary in BERT's layout: specials, unused slots, single characters, pieces, words.
    static readonly string[] Vocab =
    [
        "[PAD]", "[unused0]", "[unused1]", "[UNK]", "[CLS]", "[SEP]", "[MASK]",
        "!", "#", "[", "a", "b", "é", "##a", "##s", "##é", "the", "The", "cat", "cats", "##cat", "<unk>", "Über",
    ];

    [Test]
    public void CharsAreEveryCharacterOfTheEntriesInTheOriginalLayout()
    {
        var chars = ModelVocabularies.CharsFromWordPiece(Vocab);
        Assert.That(chars.Entries[0], Is.EqualTo(" "), "line 0 is a single space (id 0 = padding / separator)");
        Assert.That(chars.Entries[^1], Is.EqualTo(CharVocabulary.UnkEntry));
        // counted by hand over the entries (specials out, "##" stripped): a 5 (a, ##a, cat, cats, ##cat), t 5 (the, The,
        // cat, cats, ##cat), c 3, e 3 (the, The, Über); ties by code point, so a, t, c lead.
        var letters = chars.Entries.Skip(1).SkipLast(1).ToArray();
        Assert.That(letters, Is.EquivalentTo(new[] { "!", "#", "[", "a", "b", "é", "s", "t", "h", "e", "T", "c", "<", "u", "n", "k", ">", "Ü", "r" }));
        Assert.That(letters.Take(3), Is.EqualTo(new[] { "a", "t", "c" }), "most frequent first");
        Assert.That(letters, Does.Not.Contain("P").And.Not.Contain("]"), "special entries contribute nothing");
        Assert.That(chars.GetId('a'), Is.EqualTo(1));
    }

    [Test]
    public void TermsAreLowerCasedWholeWordEntriesInVocabularyOrderThenUnk()
    {
        var terms = ModelVocabularies.TermsFromWordPiece(Vocab);
        Assert.That(terms.Entries, Is.EqualTo(new[] { "!", "#", "[", "a", "b", "é", "the", "cat", "cats", "über", "<unk>" }));
        Assert.That(ModelVocabularies.TermsFromWordPiece(Vocab, maxTerms: 4).Entries, Is.EqualTo(new[] { "!", "#", "[", "a", "<unk>" }));
    }

    [TestCase("[PAD]", true), TestCase("[unused993]", true), TestCase("[", false), TestCase("[]", false), TestCase("[a b]", false)]
    public void SpecialEntriesAreBracketedNames(string entry, bool special) =>
        Assert.That(ModelVocabularies.IsSpecialEntry(entry), Is.EqualTo(special));

    [Test]
    public void CompletingADirectoryWritesTheMissingFilesDeterministicallyAndKeepsExistingOnes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        foreach (var dir in new[] { first, second }) dir.Write(ModelVocabularyFiles.WordPiece, string.Join("\r\n", Vocab) + "\r\n");

        Assert.That(ModelVocabularies.CompleteModelDirectory(first.Path), Is.EqualTo(new[] { ModelVocabularyFiles.Chars, ModelVocabularyFiles.Terms }));
        ModelVocabularies.CompleteModelDirectory(second.Path);
        foreach (var name in new[] { ModelVocabularyFiles.Chars, ModelVocabularyFiles.Terms })
            Assert.That(File.ReadAllBytes(first.File(name)), Is.EqualTo(File.ReadAllBytes(second.File(name))), name);
        Assert.That(File.ReadAllText(first.File(ModelVocabularyFiles.Chars)), Does.StartWith(" \na\n").And.EndWith("\n<unk>\n"));
        Assert.That(CharVocabulary.Load(first.File(ModelVocabularyFiles.Chars)).Count, Is.EqualTo(21));
        Assert.That(TermVocabulary.Load(first.File(ModelVocabularyFiles.Terms)).UnkId, Is.EqualTo(10));

        File.WriteAllText(first.File(ModelVocabularyFiles.Terms), "mine\n<unk>\n");
        Assert.That(ModelVocabularies.CompleteModelDirectory(first.Path), Is.Empty);
        Assert.That(File.ReadAllText(first.File(ModelVocabularyFiles.Terms)), Is.EqualTo("mine\n<unk>\n"));
    }

    [Test]
    public void ADirectoryWithoutVocabTxtCannotBeCompleted()
    {
        using var dir = new TempDirectory();
        var error = Assert.Throws<FileNotFoundException>(() => ModelVocabularies.CompleteModelDirectory(dir.Path));
        Assert.That(error!.Message, Does.Contain(dir.File(ModelVocabularyFiles.WordPiece)));
    }
}
