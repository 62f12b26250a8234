using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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

    /// <summary>Decodes the words at <paramref name="ranges"/> of <paramref name="bytes"/> into
    /// <paramref name="words"/>, looking up the thread's table once for all of them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void DecodeAll(ReadOnlySpan<byte> bytes, ReadOnlySpan<Range> ranges, Span<string> words)
    {
        var table = entries ??= new Entry[Slots];
        for (var w = 0; w < words.Length; w++) words[w] = Decode(bytes[ranges[w]], table);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static string Decode(ReadOnlySpan<byte> word, Entry[] table)
    {
        if (word.Length > MaxCachedBytes || word.Length == 0) return Utf8Check.Decode(word);
        ref var entry = ref table[Hash(word) & (Slots - 1)];
        if (entry.Value != null && word.SequenceEqual(((ReadOnlySpan<byte>)entry.Key)[..entry.KeyLength])) return entry.Value;
        return Miss(word, ref entry);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static string Miss(ReadOnlySpan<byte> word, ref Entry entry)
    {
        var value = Utf8Check.Decode(word);
        word.CopyTo(entry.Key);
        entry.KeyLength = word.Length;
        entry.Value = value;
        return value;
    }

    /// <summary>A hash of the word's length and its first and last bytes (up to 8 each), read a word at a time:
    /// a byte-by-byte loop was a measurable share of decoding. Words that share both ends share a slot.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Hash(ReadOnlySpan<byte> word)
    {
        ref var first = ref MemoryMarshal.GetReference(word);
        var length = word.Length;
        ulong key;
        if (length >= 8)
            key = Unsafe.ReadUnaligned<ulong>(ref first) ^ BitOperations.RotateLeft(Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, length - 8)), 29);
        else if (length >= 4)
            key = Unsafe.ReadUnaligned<uint>(ref first) | (ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, length - 4)) << 32;
        else
            key = first | (ulong)Unsafe.Add(ref first, length / 2) << 8 | (ulong)Unsafe.Add(ref first, length - 1) << 16;
        key = (key ^ (ulong)length << 56) * 0x9E3779B97F4A7C15UL;
        return (uint)(key >> 40);
    }
}
