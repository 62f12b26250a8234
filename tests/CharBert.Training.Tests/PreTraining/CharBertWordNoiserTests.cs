using NUnit.Framework;
using CharBert.Text.Vocab;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class CharBertWordNoiserTests
{
    static readonly string[] Alphabet = ["x", "y", "z"];

    static HashSet<string> Outcomes(IWordNoiser noiser, string word, int draws = 4000)
    {
        var rng = new Random(7);
        return Enumerable.Range(0, draws).Select(_ => noiser.Noise(word, rng)).ToHashSet();
    }

    [TestCase("a")]
    [TestCase("ab")]
    [TestCase("abc")]
    public void ShortWordsGetOneInsertedCharacterAnywhereButAfterTheEnd(string word)
    {
        var expected = new HashSet<string>();
        foreach (var c in Alphabet)
            for (var at = 0; at < word.Length; at++)
                expected.Add(word.Insert(at, c));

        Assert.That(Outcomes(new CharBertWordNoiser(Alphabet), word), Is.EquivalentTo(expected));
    }

    [TestCase("abcd")]
    [TestCase("abcdefg")]
    public void LongerWordsLoseAnyCharacterOrSwapAPairNotTouchingTheFirst(string word)
    {
        var expected = new HashSet<string>();
        for (var i = 0; i < word.Length; i++) expected.Add(word.Remove(i, 1));
        for (var i = 1; i <= word.Length - 2; i++)
        {
            var chars = word.ToCharArray();
            (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            expected.Add(new string(chars));
        }

        Assert.That(Outcomes(new CharBertWordNoiser(Alphabet), word), Is.EquivalentTo(expected));
    }

    [Test]
    public void DeletionAndSwapAreEquallyLikely()
    {
        var noiser = new CharBertWordNoiser(Alphabet);
        var rng = new Random(3);
        const int draws = 20_000;
        var deletions = Enumerable.Range(0, draws).Count(_ => noiser.Noise("abcdef", rng).Length == 5);
        // Binomial(20000, 0.5): sd ~ 71; allow 5 sd.
        Assert.That(deletions, Is.InRange(draws / 2 - 355, draws / 2 + 355));
    }

    [Test]
    public void InsertionsUseOnlyTheFirst81VocabularyEntries()
    {
        var entries = Enumerable.Range(0, 120).Select(i => ((char)('\u0100' + i)).ToString()).Append("<unk>").ToArray();
        var noiser = CharBertWordNoiser.FromCharVocabulary(new CharVocabulary(entries));
        var inserted = Outcomes(noiser, "a", 20_000).Select(w => w.Replace("a", "")).ToHashSet();

        Assert.That(inserted, Is.EquivalentTo(entries.Take(81)));
    }

    [Test]
    public void SameSeedSameNoise()
    {
        var noiser = new CharBertWordNoiser(Alphabet);
        string Run(int seed) { var rng = new Random(seed); return string.Join(" ", Enumerable.Range(0, 50).Select(_ => noiser.Noise("pattern", rng))); }
        Assert.That(Run(11), Is.EqualTo(Run(11)));
        Assert.That(Run(11), Is.Not.EqualTo(Run(12)));
    }
}
