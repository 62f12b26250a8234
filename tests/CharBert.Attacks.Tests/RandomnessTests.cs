using CharBert.Attacks.Randomness;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class RandomnessTests
{
    [Test]
    public void Record_generators_depend_on_seed_and_id_only()
    {
        var a = SplitMix64.ForRecord(7, "s12");
        var b = SplitMix64.ForRecord(7, "s12");
        var otherSeed = SplitMix64.ForRecord(8, "s12");
        var otherId = SplitMix64.ForRecord(7, "s13");
        var first = a.NextUInt64();
        Assert.That(b.NextUInt64(), Is.EqualTo(first));
        Assert.That(otherSeed.NextUInt64(), Is.Not.EqualTo(first));
        Assert.That(otherId.NextUInt64(), Is.Not.EqualTo(first));
    }

    [Test]
    public void Stable_hash_matches_a_hand_computed_fnv1a_value()
    {
        // FNV-1a 64 of the empty input is the offset basis; the result is then passed through the SplitMix64 finaliser.
        Assert.That(StableHash.Of(""), Is.EqualTo(SplitMix64.Mix(0xCBF29CE484222325UL)));
        Assert.That(StableHash.Of("a"), Is.EqualTo(SplitMix64.Mix(unchecked((0xCBF29CE484222325UL ^ (ulong)'a') * 0x100000001B3UL))));
    }

    [Test]
    public void NextInt_is_uniform_within_binomial_tolerance()
    {
        var rng = new SplitMix64(99);
        const int n = 70_000, k = 7;
        var counts = new int[k];
        for (var i = 0; i < n; i++) counts[rng.NextInt(k)]++;
        var sigma = Math.Sqrt(n * (1.0 / k) * (1 - 1.0 / k));
        Assert.That(counts.All(c => Math.Abs(c - n / (double)k) < 5 * sigma), string.Join(",", counts));
        Assert.Throws<ArgumentOutOfRangeException>(() => rng.NextInt(0));
    }
}
