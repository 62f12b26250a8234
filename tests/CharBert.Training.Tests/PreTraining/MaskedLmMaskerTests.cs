using NUnit.Framework;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class MaskedLmMaskerTests
{
    const int MaskId = 4;
    const int VocabularySize = 30_000;

    static int[] Ids(int n, int offset = 1000) => Enumerable.Range(offset, n).ToArray();
    static bool[] Flags(int n, Func<int, bool>? f = null) => Enumerable.Range(0, n).Select(i => f?.Invoke(i) ?? false).ToArray();

    [TestCase(1000, 0.10, 100)]
    [TestCase(1000, 0.15, 150)]
    [TestCase(25, 0.10, 2)]   // round(2.5) = 2, Python's round-half-even as the original
    [TestCase(35, 0.10, 4)]   // round(3.5) = 4
    public void PredictsRoundOfLengthTimesProbability(int n, double probability, int expected)
    {
        var masked = new MaskedLmMasker(MaskId, VocabularySize, probability).Mask(Ids(n), Flags(n), Flags(n), new Random(1));
        Assert.That(masked.Labels.Count(l => l != MaskedLmMasker.IgnoreLabel), Is.EqualTo(expected));
    }

    [Test]
    public void LabelsHoldTheOriginalIdAtChosenPositionsAndMinusOneElsewhere()
    {
        var ids = Ids(500);
        var masked = new MaskedLmMasker(MaskId, VocabularySize).Mask(ids, Flags(500), Flags(500), new Random(2));
        for (var i = 0; i < ids.Length; i++)
        {
            if (masked.Labels[i] == MaskedLmMasker.IgnoreLabel) Assert.That(masked.InputIds[i], Is.EqualTo(ids[i]));
            else Assert.That(masked.Labels[i], Is.EqualTo(ids[i]));
        }
    }

    [Test]
    public void ReplacementSplitsEightyTenTen()
    {
        var masker = new MaskedLmMasker(MaskId, VocabularySize, 0.5);
        var rng = new Random(5);
        int total = 0, mask = 0, kept = 0, random = 0;
        for (var round = 0; round < 200; round++)
        {
            var ids = Ids(200);
            var masked = masker.Mask(ids, Flags(200), Flags(200), rng);
            for (var i = 0; i < ids.Length; i++)
            {
                if (masked.Labels[i] == MaskedLmMasker.IgnoreLabel) continue;
                total++;
                if (masked.InputIds[i] == MaskId) mask++;
                else if (masked.InputIds[i] == ids[i]) kept++;
                else random++;
            }
        }
        Assert.That(total, Is.EqualTo(20_000));
        // Binomial sd: 0.8 -> 57, 0.1 -> 42 on 20000 draws; allow 5 sd.
        Assert.That(mask, Is.InRange(16_000 - 285, 16_000 + 285));
        Assert.That(kept, Is.InRange(2_000 - 210, 2_000 + 210));
        Assert.That(random, Is.InRange(2_000 - 210, 2_000 + 210));
    }

    [Test]
    public void ExcludedPositionsAreNeverChosen()
    {
        var masker = new MaskedLmMasker(MaskId, VocabularySize, 0.3);
        var rng = new Random(9);
        for (var round = 0; round < 100; round++)
        {
            var excluded = Flags(300, _ => rng.NextDouble() < 0.2);
            var masked = masker.Mask(Ids(300), Flags(300), excluded, rng);
            for (var i = 0; i < 300; i++)
                if (excluded[i]) Assert.That(masked.Labels[i], Is.EqualTo(MaskedLmMasker.IgnoreLabel), $"round {round}, position {i}");
            Assert.That(masked.Labels.Count(l => l != MaskedLmMasker.IgnoreLabel), Is.EqualTo(90));
        }
    }

    [Test]
    public void ContinuationPiecesAreMaskedWithTheirWord()
    {
        // Words of 1, 2 and 3 pieces, repeating.
        var continues = Flags(600, i => i % 6 is 2 or 4 or 5);
        var masker = new MaskedLmMasker(MaskId, VocabularySize, 0.2);
        var masked = masker.Mask(Ids(600), continues, Flags(600), new Random(4));
        for (var start = 0; start < 600; start += 6)
            foreach (var word in new[] { new[] { start }, new[] { start + 1, start + 2 }, new[] { start + 3, start + 4, start + 5 } })
            {
                var chosen = word.Select(i => masked.Labels[i] != MaskedLmMasker.IgnoreLabel).Distinct().ToArray();
                Assert.That(chosen, Has.Length.EqualTo(1), $"word at {word[0]} partly masked");
            }
        Assert.That(masked.Labels.Count(l => l != MaskedLmMasker.IgnoreLabel), Is.EqualTo(120));
    }

    [Test]
    public void MismatchedLengthsAreRejected() =>
        Assert.Throws<ArgumentException>(() => new MaskedLmMasker(MaskId, VocabularySize).Mask(Ids(3), Flags(2), Flags(3), new Random(1)));
}
