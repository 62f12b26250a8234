using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using CharBert.Attacks.Generation;
using CharBert.Text.IO.Chunks;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>The words of a chunk's records (CoNLL word columns, the whitespace-separated words of TSV fields and text
/// lines): what the line formats collect while parsing, decoded into <see cref="Records"/> and located as byte ranges
/// of the chunk, and how they write the chunk back with the attacked words in place, copying every other byte as
/// read. Buffers are pooled.</summary>
sealed class ChunkWords(int expectedWords) : IDisposable
{
    Range[] spans = System.Buffers.ArrayPool<Range>.Shared.Rent(Math.Max(16, expectedWords));
    int count;

    public ChunkRecords Records { get; } = new(expectedWords);

    /// <summary>Words added since the last record was closed.</summary>
    public int Pending
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Records.Pending;
    }

    /// <summary>Adds the word of <paramref name="length"/> bytes (validated UTF-8) at <paramref name="start"/> of
    /// <paramref name="bytes"/>, which begin at byte <paramref name="offset"/> of the chunk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(ReadOnlySpan<byte> bytes, int start, int length, int offset = 0, bool allowed = true)
    {
        if (count == spans.Length) spans = PooledArrays.Grow(spans, count, count + 1);
        spans[count++] = (offset + start)..(offset + start + length);
        Records.AddWord(bytes, start, length, allowed);
    }

    /// <summary>Adds the whitespace-separated words of <paramref name="text"/>, which starts at byte
    /// <paramref name="offset"/> of the chunk (whitespace as <see cref="char.IsWhiteSpace(char)"/> sees it, like
    /// <see cref="WhitespaceWords"/> on the decoded text).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AddWhitespaceWords(ReadOnlySpan<byte> text, int offset)
    {
        var start = -1;
        for (var i = 0; i < text.Length;)
        {
            var b = text[i];
            int width;
            bool space;
            if (b < 0x80)
            {
                width = 1;
                space = b == (byte)' ' || b - 9u <= 4;
            }
            else
            {
                Rune.DecodeFromUtf8(text[i..], out var rune, out width);
                space = rune.IsBmp && char.IsWhiteSpace((char)rune.Value);
            }
            if (space && start >= 0)
            {
                Add(text, start, i - start, offset);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
            i += width;
        }
        if (start >= 0) Add(text, start, text.Length - start, offset);
    }

    /// <summary>Closes a record, named <paramref name="id"/>, holding the words added since the previous one (possibly none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EndRecord(ReadOnlySpan<char> id) => Records.EndRecord(id);

    public int RecordCount => Records.Count;

    /// <summary>Appends <paramref name="bytes"/> with every word that <paramref name="edits"/> changed replaced by its
    /// attacked form (for sentence words, the attacked core inside the word's own punctuation);
    /// <paramref name="isValidWord"/> guards the file's structure (a word must not bring a separator along). Only the
    /// edited words are visited.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(ReadOnlySpan<byte> bytes, ChunkRecords records, ChunkEdits edits, PooledByteBuffer output,
        Func<ReadOnlySpan<char>, bool> isValidWord, WordGranularity granularity)
    {
        var copied = 0;
        var last = new int[64];
        var rebuilt = new char[128];
        for (var r = 0; r < records.Count; r++)
        {
            var recordEdits = edits.Of(r);
            if (recordEdits.IsEmpty) continue;
            if (recordEdits.Length > last.Length) last = new int[recordEdits.Length];
            var tokens = edits.LastEditsInTokenOrder(r, last);
            var words = records.Words(r);
            var firstWord = records.FirstWord(r);
            for (var k = 0; k < tokens; k++)
            {
                var edit = recordEdits[last[k]];
                var original = words[edit.TokenIndex];
                var replacement = edits.Text(edit.Attacked);
                if (granularity != WordGranularity.TokenLevel)
                {
                    var core = WordCore.Of(original);
                    var length = original.Length - core.Length + replacement.Length;
                    if (length > rebuilt.Length) rebuilt = new char[length];
                    replacement = rebuilt.AsSpan(0, core.Rebuild(original, replacement, rebuilt));
                }
                // A chain of edits that restored the word writes its own bytes again: no need to compare.
                var span = spans[firstWord + edit.TokenIndex];
                if (granularity == WordGranularity.TokenLevel && IsShortPrintableWord(edits.TextFrom(edit.Attacked), replacement.Length))
                {
                    CopyBetweenWords(bytes, copied, span.Start.Value, output);
                    WriteShortPrintableWord(edits.TextFrom(edit.Attacked), replacement.Length, output);
                }
                else
                {
                    if (!isValidWord(replacement))
                        throw new InvalidOperationException($"the attack made '{replacement}' from '{original}', which would change the file's structure");
                    CopyBetweenWords(bytes, copied, span.Start.Value, output);
                    Utf8Out.Write(output, replacement);
                }
                copied = span.End.Value;
            }
        }
        output.Write(bytes[copied..]);
    }

    /// <summary>Copies <paramref name="bytes"/>[<paramref name="start"/>..<paramref name="end"/>]: a gap of up to
    /// <see cref="ShortCopy.Width"/> bytes (most gaps between edited words) as one <see cref="ShortCopy"/> when the chunk
    /// has that many bytes from there, longer gaps by the library copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void CopyBetweenWords(ReadOnlySpan<byte> bytes, int start, int end, PooledByteBuffer output)
    {
        var length = end - start;
        if (!ShortCopy.IsAvailable || length > ShortCopy.Width || bytes.Length - start < ShortCopy.Width)
        {
            output.Write(bytes[start..end]);
            return;
        }
        ShortCopy.Copy(bytes[start..], output.GetSpan(ShortCopy.Width));
        output.Advance(length);
    }

    /// <summary>Whether the first <paramref name="length"/> characters of <paramref name="padded"/> (at least 16 readable)
    /// are 1 to 16 printable ASCII characters (U+0021 to U+007E), the first not '-': a word every format's check accepts
    /// (no whitespace, not <c>-DOCSTART-</c>), so the renderer writes it without calling the check. Two vector loads,
    /// without a loop that ends at a different length every time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IsShortPrintableWord(ReadOnlySpan<char> padded, int length)
    {
        if (!Vector128.IsHardwareAccelerated || length is < 1 or > 16 || padded.Length < 16 || padded[0] == '-') return false;
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(padded));
        var (low, high) = (Vector128.LoadUnsafe(ref first), Vector128.LoadUnsafe(ref first, 8));
        var (lowest, highest) = (Vector128.Create((ushort)0x21), Vector128.Create((ushort)0x7E));
        var outside = (Vector128.LessThan(low, lowest) | Vector128.GreaterThan(low, highest)).ExtractMostSignificantBits()
                      | (Vector128.LessThan(high, lowest) | Vector128.GreaterThan(high, highest)).ExtractMostSignificantBits() << 8;
        return (outside & ((1u << length) - 1)) == 0;
    }

    /// <summary>Writes a word <see cref="IsShortPrintableWord"/> accepted: its 16 characters narrowed in one store.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void WriteShortPrintableWord(ReadOnlySpan<char> padded, int length, PooledByteBuffer output)
    {
        ref var first = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(padded));
        Vector128.Narrow(Vector128.LoadUnsafe(ref first), Vector128.LoadUnsafe(ref first, 8))
            .StoreUnsafe(ref MemoryMarshal.GetReference(output.GetSpan(16)));
        output.Advance(length);
    }

    /// <summary>True when <paramref name="word"/> holds no whitespace (a sentence word stays one word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HasNoWhitespace(ReadOnlySpan<char> word)
    {
        foreach (var c in word) if (char.IsWhiteSpace(c)) return false;
        return word.Length > 0;
    }

    public void Dispose()
    {
        if (spans.Length > 0) System.Buffers.ArrayPool<Range>.Shared.Return(spans);
        spans = [];
        Records.Dispose();
    }
}
