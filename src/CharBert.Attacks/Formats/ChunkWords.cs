using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;

namespace CharBert.Attacks.Formats;

/// <summary>The words of a chunk's records as byte ranges of the chunk (CoNLL word columns, the whitespace-separated
/// words of TSV fields and text lines): what the line formats collect while parsing, and how they write the chunk
/// back with the attacked words in place, copying every other byte as read. Ranges live in pooled memory.</summary>
sealed class ChunkWords : IDisposable
{
    Range[] spans;
    int count;
    readonly List<int> recordEnds = [];

    public ChunkWords(int expectedWords) => spans = ArrayPool<Range>.Shared.Rent(Math.Max(16, expectedWords));

    /// <summary>Words added since the last record was closed.</summary>
    public int Pending => count - (recordEnds.Count == 0 ? 0 : recordEnds[^1]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int start, int end)
    {
        if (count == spans.Length) Grow();
        spans[count++] = start..end;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void Grow()
    {
        var larger = ArrayPool<Range>.Shared.Rent(spans.Length * 2);
        spans.AsSpan(0, count).CopyTo(larger);
        ArrayPool<Range>.Shared.Return(spans);
        spans = larger;
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
                Add(offset + start, offset + i);
                start = -1;
            }
            else if (!space && start < 0)
            {
                start = i;
            }
            i += width;
        }
        if (start >= 0) Add(offset + start, offset + text.Length);
    }

    /// <summary>Closes a record holding the words added since the previous one (possibly none).</summary>
    public void EndRecord() => recordEnds.Add(count);

    public int RecordCount => recordEnds.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    Range Span(int record, int word) => spans[(record == 0 ? 0 : recordEnds[record - 1]) + word];

    /// <summary>The words of <paramref name="record"/>, decoded from <paramref name="bytes"/> (the chunk).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string[] Decode(int record, ReadOnlySpan<byte> bytes)
    {
        var first = record == 0 ? 0 : recordEnds[record - 1];
        var words = new string[recordEnds[record] - first];
        Utf8WordCache.DecodeAll(bytes, spans.AsSpan(first, words.Length), words);
        return words;
    }

    /// <summary>Appends <paramref name="bytes"/> with every word a result changed replaced by its attacked form;
    /// <paramref name="isValidWord"/> guards the file's structure (a word must not bring a separator along). Only the
    /// words that have edits are visited when the edits come in token order, as the recipes make them.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Render(ReadOnlySpan<byte> bytes, IReadOnlyList<AttackRecordInput> inputs, IReadOnlyList<AttackRecordResult> results,
        PooledByteBuffer output, Func<string, bool> isValidWord)
    {
        var copied = 0;
        for (var r = 0; r < inputs.Count; r++)
        {
            var (input, result) = (inputs[r], results[r]);
            if (!result.Changed) continue;
            var edits = result.EditArray();
            if (InTokenOrder(edits))
            {
                for (var e = 0; e < edits.Length; e++)
                    if (e == 0 || edits[e].TokenIndex != edits[e - 1].TokenIndex)
                        Splice(bytes, input, result, r, edits[e].TokenIndex, output, isValidWord, ref copied);
            }
            else
            {
                for (var w = 0; w < input.Words.Count; w++) Splice(bytes, input, result, r, w, output, isValidWord, ref copied);
            }
        }
        output.Write(bytes[copied..]);
    }

    /// <summary>Writes the bytes up to word <paramref name="w"/> of record <paramref name="r"/> and its attacked form,
    /// when the attack changed it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    void Splice(ReadOnlySpan<byte> bytes, AttackRecordInput input, AttackRecordResult result, int r, int w,
        PooledByteBuffer output, Func<string, bool> isValidWord, ref int copied)
    {
        var (original, replacement) = (input.Words[w], result.Words[w]);
        if (ReferenceEquals(replacement, original) || replacement == original) return;
        if (!isValidWord(replacement))
            throw new InvalidOperationException($"the attack made '{replacement}' from '{original}', which would change the file's structure");
        var span = Span(r, w);
        output.Write(bytes[copied..span.Start.Value]);
        Utf8Out.Write(output, replacement);
        copied = span.End.Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool InTokenOrder(ReadOnlySpan<WordEdit> edits)
    {
        for (var e = 1; e < edits.Length; e++)
            if (edits[e].TokenIndex < edits[e - 1].TokenIndex) return false;
        return true;
    }

    /// <summary>True when <paramref name="word"/> holds no whitespace (a sentence word stays one word).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool HasNoWhitespace(string word)
    {
        foreach (var c in word) if (char.IsWhiteSpace(c)) return false;
        return word.Length > 0;
    }

    public void Dispose()
    {
        if (spans.Length > 0) ArrayPool<Range>.Shared.Return(spans);
        spans = [];
    }
}
