using NUnit.Framework;
using CharBert.Training.WordRecognition;

namespace CharBert.Training.Tests.WordRecognition;

public class ScrnnWordNoiseTests
{
    static HashSet<string> Outcomes(string word, ScrnnNoiseType type)
    {
        var rng = new Random(1);
        return Enumerable.Range(0, 3000).Select(_ => ScrnnWordNoise.Apply(word, type, rng)).ToHashSet();
    }

    [TestCase("abc", new string[] { "abc" })]
    [TestCase("abcd", new[] { "acbd" })]
    [TestCase("abcde", new[] { "acbde", "abdce" })]
    public void SwapExchangesAnInteriorPairKeepingFirstAndLast(string word, string[] expected) =>
        Assert.That(Outcomes(word, ScrnnNoiseType.Swap), Is.EquivalentTo(expected));

    [TestCase("abcd", new[] { "abcd" })]
    [TestCase("abcde", new[] { "acde", "abde", "abce" })]
    public void DropRemovesAnInteriorCharacterFromWordsOfFiveOrMore(string word, string[] expected) =>
        Assert.That(Outcomes(word, ScrnnNoiseType.Drop), Is.EquivalentTo(expected));

    [Test]
    public void AddInsertsALetterAtAnInteriorPosition()
    {
        Assert.That(Outcomes("ab", ScrnnNoiseType.Add), Is.EquivalentTo(new[] { "ab" }));
        var expected = new HashSet<string>();
        foreach (var c in "abcdefghijklmnopqrstuvwxyz")
            for (var at = 1; at <= 2; at++) expected.Add("pqr".Insert(at, c.ToString()));
        var rng = new Random(2);
        Assert.That(Enumerable.Range(0, 20_000).Select(_ => ScrnnWordNoise.Apply("pqr", ScrnnNoiseType.Add, rng)).ToHashSet(), Is.EquivalentTo(expected));
    }

    [Test]
    public void KeyReplacesAnInteriorCharacterWithAGridNeighbour()
    {
        Assert.That(ScrnnWordNoise.NeighboursOf('g'), Is.EquivalentTo(new[] { 't', 'b', 'f', 'h' }));
        Assert.That(ScrnnWordNoise.NeighboursOf('q'), Is.EquivalentTo(new[] { 'a', 'w' }));
        Assert.That(ScrnnWordNoise.NeighboursOf('p'), Is.EquivalentTo(new[] { 'o' }));
        Assert.That(Outcomes("ago", ScrnnNoiseType.Key), Is.EquivalentTo(new[] { "ato", "abo", "afo", "aho" }));
        Assert.That(Outcomes("a1o", ScrnnNoiseType.Key), Is.EquivalentTo(new[] { "a1o" }));
        Assert.That(Outcomes("go", ScrnnNoiseType.Key), Is.EquivalentTo(new[] { "go" }));
    }

    [Test]
    public void ParsesNoiseLists()
    {
        Assert.That(ScrnnNoiseTypes.ParseList("swap, KEY,swap"), Is.EqualTo(new[] { ScrnnNoiseType.Swap, ScrnnNoiseType.Key }));
        Assert.Throws<ArgumentException>(() => ScrnnNoiseTypes.ParseList("swap,typo"));
    }
}
