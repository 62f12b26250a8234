using NUnit.Framework;
using CharBert.Text.Vocab;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class NlmWordNoisingTests
{
    sealed class ReverseNoiser : IWordNoiser
    {
        public string Noise(string word, Random rng) => new(word.Reverse().ToArray());
    }

    static readonly TermVocabulary Terms = new(["the", "house", "river", TermVocabulary.UnkEntry, "οδος", "i\u0307stanbul"]);

    [Test]
    public void NoisedWordIsLabelledWithItsOriginalLowerCasedTerm()
    {
        var noising = new NlmWordNoising(new ReverseNoiser(), Terms, probability: 1.0);
        var noised = noising.Apply("House", new Random(1));
        Assert.That(noised, Is.EqualTo(new NoisedWord("esuoH", true, 1)));
    }

    /// <summary>The original looks up <c>ori_token.lower()</c>: Python's lower-casing, final sigma and 'İ' included.</summary>
    [TestCase("ΟΔΟΣ", 4)]
    [TestCase("İstanbul", 5)]
    public void TermLookupLowerCasesLikePython(string word, int term) =>
        Assert.That(new NlmWordNoising(new ReverseNoiser(), Terms, probability: 1.0).TermLabel(word), Is.EqualTo(term));

    [Test]
    public void WordOutsideTheTermVocabularyGetsTheUnknownTerm()
    {
        var noising = new NlmWordNoising(new ReverseNoiser(), Terms, probability: 1.0);
        Assert.That(noising.Apply("garden", new Random(1)).TermLabel, Is.EqualTo(3));
    }

    [Test]
    public void NoiseThatChangesNothingLeavesTheWordUnlabelled()
    {
        var noising = new NlmWordNoising(new ReverseNoiser(), Terms, probability: 1.0);
        Assert.That(noising.Apply("abba", new Random(1)), Is.EqualTo(new NoisedWord("abba", false, MaskedLmMasker.IgnoreLabel)));
    }

    [TestCase(0.10)]
    [TestCase(0.15)]
    public void WordsAreNoisedWithTheGivenProbability(double probability)
    {
        var noising = new NlmWordNoising(new ReverseNoiser(), Terms, probability);
        var rng = new Random(8);
        const int n = 20_000;
        var changed = Enumerable.Range(0, n).Count(_ => noising.Apply("river", rng).Changed);
        var sd = Math.Sqrt(n * probability * (1 - probability));
        Assert.That(changed, Is.InRange(n * probability - 5 * sd, n * probability + 5 * sd));
    }
}
