using CharBert.Text.IO;
using CharBert.Text.Tests.IO;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Vocab;

public class VocabularyBuilderTests
{
    static readonly string[] Corpus =
    [
        "The cat sat on the mat. The cats sat on the mats!",
        "A dog barked at the cat; the dog ran.",
        "Émile's café served crêpes, and the crêpes were good.",
        "",
        "Running runners run: the runner ran the running race.",
    ];

    static string WriteCorpus(TempDirectory dir, string name = "corpus.txt") => dir.Write(name, string.Join("\n", Corpus) + "\n");

    [Test]
    public void BuildsAllThreeVocabulariesInTheOriginalFormats()
    {
        using var dir = new TempDirectory();
        var output = dir.File("vocab");
        var result = VocabularyBuilder.Build([WriteCorpus(dir)], output, new VocabularyBuildOptions { WordPieceSize = 64, TermSize = 10 });

        var wordPiece = VocabularyFile.ReadEntries(Path.Combine(output, ModelVocabularyFiles.WordPiece));
        Assert.That(wordPiece.Take(5), Is.EqualTo(SpecialTokens.All));
        Assert.That(wordPiece, Has.Length.EqualTo(64).And.Contains("T").And.Contains("É"), "cased by default, as the original");
        var tokenizer = WordPieceTokenizer.FromVocabFile(Path.Combine(output, ModelVocabularyFiles.WordPiece), WordPieceTokenizerOptions.Cased);
        foreach (var line in Corpus) Assert.That(tokenizer.Tokenize(line), Does.Not.Contain(SpecialTokens.Unk), line);

        var chars = File.ReadAllLines(Path.Combine(output, ModelVocabularyFiles.Chars));
        Assert.That(chars[0], Is.EqualTo(" "), "line 0: a single space (id 0: padding and separator)");
        Assert.That(chars[^1], Is.EqualTo("<unk>"));
        Assert.That(chars[1], Is.EqualTo("e"), "the most frequent character of the corpus's tokens");
        Assert.That(chars, Does.Contain("é").And.Contain("É").And.Contain(";"));

        var terms = File.ReadAllLines(Path.Combine(output, ModelVocabularyFiles.Terms));
        // counted by hand: the 9 (The x2 lower-cased + the x7), "." 4, then seven words twice (ordinal order), then "!" once
        Assert.That(terms, Is.EqualTo(new[] { "the", ".", "cat", "crêpes", "dog", "on", "ran", "running", "sat", "!", "<unk>" }));
        Assert.That(terms, Has.Length.EqualTo(11).And.Contains("crêpes"), "lower-cased, accents kept: the NLM looks words up by str.lower()");
        Assert.That(terms[^1], Is.EqualTo("<unk>"));
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(output), Is.False);
        Assert.That((result.Lines, result.WordPieceEntries, result.CharEntries, result.TermEntries), Is.EqualTo((5L, 64, chars.Length, 11)));
    }

    [Test]
    public void TheSameInputGivesTheSameBytes()
    {
        using var dir = new TempDirectory();
        var corpus = WriteCorpus(dir);
        var options = new VocabularyBuildOptions { WordPieceSize = 70, TermSize = 8, MaxChars = 20, LowerCase = true };
        VocabularyBuilder.Build([corpus], dir.File("a"), options);
        VocabularyBuilder.Build([corpus], dir.File("b"), options);
        foreach (var name in new[] { ModelVocabularyFiles.WordPiece, ModelVocabularyFiles.Chars, ModelVocabularyFiles.Terms, TokenizerConfigFile.FileName })
            Assert.That(File.ReadAllBytes(dir.File($"b/{name}")), Is.EqualTo(File.ReadAllBytes(dir.File($"a/{name}"))), name);
        Assert.That(File.ReadAllLines(dir.File("a/bert_char_vocab")), Has.Length.EqualTo(22));
        Assert.That(File.ReadAllLines(dir.File("a/bert_char_vocab")), Does.Not.Contain("É").And.Not.Contain("é"), "uncased: lower-cased, accents stripped");
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(dir.File("a")), Is.True);
    }

    [Test]
    public void FromAnExistingVocabTxtTheCharactersAreThoseItsTokensCanCarry()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.File("bert"));
        var given = dir.Write("bert/vocab.txt", string.Join("\n", [.. SpecialTokens.All, "t", "h", "e", "c", "a", "##a", "##t", "##h", "##e", "the", "cat"]) + "\n");
        var result = VocabularyBuilder.Build([WriteCorpus(dir)], dir.File("bert"), new VocabularyBuildOptions { FromWordPiece = given, LowerCase = true });

        Assert.That(result.WordPieceTrained, Is.False);
        Assert.That(File.ReadAllText(given), Does.EndWith("cat\n"), "vocab.txt kept");
        var chars = File.ReadAllLines(dir.File("bert/bert_char_vocab"));
        Assert.That(chars.Skip(1).SkipLast(1), Is.EquivalentTo(new[] { "t", "h", "e", "c", "a" }), "words the vocabulary cannot spell are [UNK]: no characters");
    }

    [Test]
    public void BadTextIsRefusedWithFileAndLineAndNothingIsWritten()
    {
        using var dir = new TempDirectory();
        var good = WriteCorpus(dir);
        var nul = dir.Write("nul.txt", "fine line\nsecond\0line\n");
        var error = Assert.Throws<DataFormatException>(() => VocabularyBuilder.Build([good, nul], dir.File("out"), new VocabularyBuildOptions { WordPieceSize = 50 }));
        Assert.That(error!.Message, Is.EqualTo($"{nul}:2: NUL byte at byte 7 of the line (a binary file, or text not saved as UTF-8)"));

        var latin1 = dir.Write("latin1.txt", [(byte)'o', (byte)'k', (byte)'\n', (byte)'c', (byte)'a', 0xE9, (byte)'\n']);
        error = Assert.Throws<DataFormatException>(() => VocabularyBuilder.Build([latin1], dir.File("out"), new VocabularyBuildOptions { WordPieceSize = 50 }));
        Assert.That(error!.Message, Does.StartWith($"{latin1}:2: invalid UTF-8"));
        Assert.That(Directory.Exists(dir.File("out")), Is.False);
    }

    [Test]
    public void ProgressCoversTheBytesReadAndTheWordPieceEntries()
    {
        using var dir = new TempDirectory();
        var corpus = dir.Write("big.txt", string.Concat(Enumerable.Repeat(string.Join("\n", Corpus) + "\n", 2000)));
        var steps = new List<VocabularyBuildProgress>();
        VocabularyBuilder.Build([corpus], dir.File("out"), new VocabularyBuildOptions { WordPieceSize = 60 }, steps.Add);

        var reading = steps.Where(s => s.Stage == VocabularyBuildStage.Reading).ToList();
        Assert.That(reading.Count, Is.GreaterThan(2));
        Assert.That(reading.Select(s => s.Done), Is.Ordered);
        Assert.That(reading[^1].Done, Is.EqualTo(new FileInfo(corpus).Length).And.EqualTo(reading[^1].Total));
        var training = steps.Where(s => s.Stage == VocabularyBuildStage.TrainingWordPiece).ToList();
        Assert.That(training[^1], Is.EqualTo(new VocabularyBuildProgress(VocabularyBuildStage.TrainingWordPiece, 60, 60)));
    }
}
