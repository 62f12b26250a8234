using System.Runtime.CompilerServices;

namespace CharBert.Attacks.Randomness;

/// <summary>A process-independent 64-bit string hash (FNV-1a over UTF-16 code units, then the SplitMix64
/// finaliser). Unlike <see cref="string.GetHashCode()"/> it is the same in every run, which reproducible
/// per-record seeds require.</summary>
public static class StableHash
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var c in text)
        {
            hash ^= c;
            hash *= 0x100000001B3UL;
        }
        return SplitMix64.Mix(hash);
    }
}
