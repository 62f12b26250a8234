using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Randomness;

/// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014): a tiny, fast, seedable PRNG whose stream depends only on
/// its seed, so each record can own a generator derived from (seed, record id) and the output does not
/// depend on thread count or scheduling. A mutable struct: pass it by <c>ref</c>.</summary>
public struct SplitMix64(ulong seed)
{
    const ulong Golden = 0x9E3779B97F4A7C15UL;
    ulong state = seed;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => Mix(state += Golden);

    /// <summary>Uniform integer in [0, <paramref name="exclusiveMax"/>) without modulo bias (Lemire 2019).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInt(int exclusiveMax)
    {
        if (exclusiveMax <= 0) ThrowNotPositive(exclusiveMax);
        var bound = (uint)exclusiveMax;
        var product = (NextUInt64() >> 32) * bound; // 32 x 31 bits: fits in 64
        if ((uint)product < bound)
        {
            var threshold = (uint)(-exclusiveMax) % bound;
            while ((uint)product < threshold) product = (NextUInt64() >> 32) * bound;
        }
        return (int)(product >> 32);
    }

    static void ThrowNotPositive(int exclusiveMax) =>
        throw new ArgumentOutOfRangeException(nameof(exclusiveMax), exclusiveMax, "must be positive");

    /// <summary>Uniform integer in [<paramref name="min"/>, <paramref name="max"/>] (both inclusive).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int NextInclusive(int min, int max) => min + NextInt(max - min + 1);

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>The SplitMix64 output finaliser: a bijective avalanche mix of 64 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>The generator for one record: a pure function of the run seed and the record id.</summary>
    public static SplitMix64 ForRecord(ulong seed, ReadOnlySpan<char> recordId) =>
        new(Mix(Mix(seed) ^ StableHash.Of(recordId)));
}
