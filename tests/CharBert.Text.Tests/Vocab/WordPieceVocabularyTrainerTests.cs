using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Vocab;

public class WordPieceVocabularyTrainerTests
{
    private static readonly string[] Corpus =
    [
        "the quick brown fox jumps over the lazy dog",
        "the dog barks; the fox runs. Jumping foxes jump!",
        "lower lowest newer newest wider widest the the the",
    ];

    private static readonly WordPieceTrainerOptions Options = new() { VocabSize = 52, MinPairFrequency = 2 };

    [Test]
    public void SpecialsComeFirstThenCharactersThenContinuationCharacters()
    {
        var vocab = WordPieceVocabularyTrainer.Train(Corpus, Options);
        Assert.That(vocab.Take(5), Is.EqualTo(SpecialTokens.All));
        int firstContinuation = vocab.FindIndex(v => v.StartsWith("##"));
        var starts = vocab.Skip(5).Take(firstContinuation - 5).ToList();
        Assert.That(starts, Is.Ordered.Using<string>(StringComparer.Ordinal));
        Assert.That(starts, Does.Contain("t").And.Contain(";").And.Not.Contain("J"));
        Assert.That(vocab, Does.Contain("##e").And.Contain("the"));
        Assert.That(vocab, Has.Count.EqualTo(52));
        Assert.That(vocab, Is.Unique);
    }

    [Test]
    public void TrainingIsDeterministicRegardlessOfCorpusOrder()
    {
        var first = WordPieceVocabularyTrainer.Train(Corpus, Options);
        var again = WordPieceVocabularyTrainer.Train(Corpus.Reverse(), Options);
        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void MostFrequentPairIsMergedFirst()
    {
        // "ab" x3 vs "cd" x2: first merge is "ab"; with MinPairFrequency 3 "cd" never merges
        var vocab = WordPieceVocabularyTrainer.Train(["ab ab ab cd cd"], new WordPieceTrainerOptions { VocabSize = 100, MinPairFrequency = 3 });
        Assert.That(vocab.Skip(5), Is.EqualTo(new[] { "a", "c", "##b", "##d", "ab" }));
    }

    [Test]
    public void TrainedVocabularyTokenizesItsCorpusWithoutUnknowns()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wp-{Guid.NewGuid():N}.txt");
        try
        {
            WordPieceVocabularyTrainer.TrainToFile(Corpus, Options, path);
            var tokenizer = WordPieceTokenizer.FromVocabFile(path, WordPieceTokenizerOptions.Uncased);
            foreach (var line in Corpus) Assert.That(tokenizer.Tokenize(line), Does.Not.Contain(SpecialTokens.Unk));
            Assert.That(tokenizer.Tokenize("the"), Is.EqualTo(new[] { "the" }));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void TermVocabularyKeepsTheMostFrequentWordsThenUnk()
    {
        var terms = TermVocabulary.Build(["b a b c b a", "C d"], 3);
        Assert.That(terms.Entries, Is.EqualTo(new[] { "b", "a", "c", "<unk>" }));
        Assert.That(terms.GetId("zzz"), Is.EqualTo(3));
    }
}
