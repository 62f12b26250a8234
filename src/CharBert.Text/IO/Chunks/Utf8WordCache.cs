using System.Runtime.CompilerServices;

namespace CharBert.Text.IO.Chunks;

/// <summary>Decodes short validated UTF-8 words to strings through a small per-thread cache, so the frequent words
/// of a corpus ("the", ",", ".") are not allocated again for every occurrence: at corpus scale most tokens repeat, and
/// every string they would allocate is garbage the collector has to sweep. Direct-mapped: a collision just replaces
/// the entry. Longer words are decoded directly.</summary>
public static class Utf8WordCache
{
    const int Slots = 1 << 13;
    const int MaxCachedBytes = 24;

    [ThreadStatic] static Entry[]? entries;

    [InlineArray(MaxCachedBytes)]
    struct KeyBytes
    {
        byte first;
    }

    /// <summary>The key is stored inline, so a miss allocates only the decoded string.</summary>
    struct Entry
    {
        public KeyBytes Key;
        public int KeyLength;
        public string? Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Decode(ReadOnlySpan<byte> word)
    {
        if (word.Length > MaxCachedBytes || word.Length == 0) return Utf8Check.Decode(word);
        var table = entries ??= new Entry[Slots];
        ref var entry = ref table[Hash(word) & (Slots - 1)];
        if (entry.Value != null && word.SequenceEqual(((ReadOnlySpan<byte>)entry.Key)[..entry.KeyLength])) return entry.Value;
        var value = Utf8Check.Decode(word);
        word.CopyTo(entry.Key);
        entry.KeyLength = word.Length;
        entry.Value = value;
        return value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Hash(ReadOnlySpan<byte> word)
    {
        var hash = 2166136261u;
        foreach (var b in word) hash = (hash ^ b) * 16777619u;
        return hash ^ (hash >> 15);
    }
}
