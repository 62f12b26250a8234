using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;

namespace CharBert.Attacks.Generation;

/// <summary>The records of a chunk as the generator reads them: every word's characters in one buffer, each record's
/// id and words, and which words the task protects. Line formats decode a chunk's words straight into it (a corpus
/// run makes no string per word); other callers build it from <see cref="AttackRecordInput"/>s. Buffers are pooled
/// and returned on dispose.</summary>
public sealed class ChunkRecords : IDisposable
{
    readonly record struct Entry(int IdStart, int IdLength, int FirstWord, int WordCount);

    char[] text = ArrayPool<char>.Shared.Rent(256);
    int textLength;
    char[] ids = ArrayPool<char>.Shared.Rent(64);
    int idsLength;
    WordRange[] words;
    bool[]? allowed;
    int wordCount;
    Entry[] records = ArrayPool<Entry>.Shared.Rent(16);
    int recordCount;

    public ChunkRecords(int expectedWords = 16) => words = ArrayPool<WordRange>.Shared.Rent(Math.Max(16, expectedWords));

    public int Count => recordCount;

    /// <summary>Words in all records.</summary>
    public int WordCount => wordCount;

    /// <summary>Words added since the last record was closed.</summary>
    public int Pending
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => wordCount - NextRecordFirstWord;
    }

    /// <summary>Where the record being filled starts: after the words of the last closed one.</summary>
    int NextRecordFirstWord
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => recordCount == 0 ? 0 : records[recordCount - 1].FirstWord + records[recordCount - 1].WordCount;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Id(int record) => ids.AsSpan(records[record].IdStart, records[record].IdLength);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RecordWords Words(int record)
    {
        var entry = records[record];
        return new RecordWords(text.AsSpan(0, textLength), words.AsSpan(entry.FirstWord, entry.WordCount));
    }

    /// <summary>Index of the record's first word among the chunk's words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int FirstWord(int record) => records[record].FirstWord;

    /// <summary>Fills <paramref name="destination"/> (one flag per word of the record) with whether each word may be attacked.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void CopyAllowed(int record, Span<bool> destination)
    {
        var entry = records[record];
        if (allowed == null)
            for (var w = 0; w < entry.WordCount; w++) destination[w] = true;
        else allowed.AsSpan(entry.FirstWord, entry.WordCount).CopyTo(destination);
    }

    /// <summary>Adds a word given as validated UTF-8 (ASCII widened in place; anything else through the decoder).</summary>
    public void AddWord(ReadOnlySpan<byte> utf8, bool isAllowed = true) => AddWord(utf8, 0, utf8.Length, isAllowed);

    /// <summary>Adds the word at <paramref name="start"/> of <paramref name="bytes"/>, <paramref name="length"/> bytes of
    /// validated UTF-8. The bytes after it may be read: a word of up to 16 ASCII bytes with 16 bytes readable from its
    /// start (most words of a chunk) is widened with one vector load and store, without a loop that ends at a different
    /// length every time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddWord(ReadOnlySpan<byte> bytes, int start, int length, bool isAllowed = true)
    {
        if (Vector128.IsHardwareAccelerated && length <= 16 && bytes.Length - start >= 16)
        {
            var loaded = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(bytes), (nuint)start);
            if ((loaded.ExtractMostSignificantBits() & ((1u << length) - 1)) == 0)
            {
                ref var destination = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(Reserve(16)));
                var (lower, upper) = Vector128.Widen(loaded);
                lower.StoreUnsafe(ref destination);
                upper.StoreUnsafe(ref destination, 8);
                Commit(length, isAllowed);
                return;
            }
        }
        var utf8 = bytes.Slice(start, length);
        var chars = Reserve(length);
        var written = 0;
        for (; written < length; written++)
        {
            var b = utf8[written];
            if (b >= 0x80)
            {
                written = Encoding.UTF8.GetChars(utf8, chars);
                break;
            }
            chars[written] = (char)b;
        }
        Commit(written, isAllowed);
    }

    public void AddWord(ReadOnlySpan<char> word, bool isAllowed = true)
    {
        word.CopyTo(Reserve(word.Length));
        Commit(word.Length, isAllowed);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    Span<char> Reserve(int length)
    {
        if (textLength + length > text.Length) text = PooledArrays.Grow(text, textLength, textLength + length);
        return text.AsSpan(textLength, length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Commit(int length, bool isAllowed)
    {
        if (wordCount == words.Length) words = PooledArrays.Grow(words, wordCount, wordCount + 1);
        if (!isAllowed && allowed == null)
        {
            allowed = ArrayPool<bool>.Shared.Rent(words.Length);
            allowed.AsSpan(0, wordCount).Fill(true);
        }
        if (allowed != null && wordCount == allowed.Length) allowed = PooledArrays.Grow(allowed, wordCount, wordCount + 1);
        if (allowed != null) allowed[wordCount] = isAllowed;
        words[wordCount++] = new WordRange(textLength, length);
        textLength += length;
    }

    /// <summary>Closes a record holding the words added since the previous one (possibly none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRecord(ReadOnlySpan<char> id)
    {
        if (idsLength + id.Length > ids.Length) ids = PooledArrays.Grow(ids, idsLength, idsLength + id.Length);
        id.CopyTo(ids.AsSpan(idsLength));
        if (recordCount == records.Length) records = PooledArrays.Grow(records, recordCount, recordCount + 1);
        var firstWord = NextRecordFirstWord;
        records[recordCount++] = new Entry(idsLength, id.Length, firstWord, wordCount - firstWord);
        idsLength += id.Length;
    }

    public static ChunkRecords From(IEnumerable<AttackRecordInput> inputs)
    {
        var records = new ChunkRecords();
        foreach (var input in inputs) records.Add(input);
        return records;
    }

    /// <summary>Adds a record given as strings.</summary>
    public void Add(AttackRecordInput input)
    {
        for (var w = 0; w < input.Words.Count; w++) AddWord(input.Words[w], input.Allowed?[w] ?? true);
        EndRecord(input.Id);
    }

    /// <summary>Forgets every record, keeping the buffers.</summary>
    public void Clear()
    {
        (textLength, idsLength, wordCount, recordCount) = (0, 0, 0, 0);
        if (allowed != null) ArrayPool<bool>.Shared.Return(allowed);
        allowed = null;
    }

    /// <summary>The records as strings, for callers that keep a small file in memory.</summary>
    public AttackRecordInput[] ToInputs()
    {
        var inputs = new AttackRecordInput[recordCount];
        for (var r = 0; r < recordCount; r++)
        {
            var recordWords = Words(r);
            var strings = new string[recordWords.Length];
            for (var w = 0; w < strings.Length; w++) strings[w] = recordWords[w].ToString();
            bool[]? flags = null;
            if (allowed != null)
            {
                flags = new bool[strings.Length];
                CopyAllowed(r, flags);
            }
            inputs[r] = new AttackRecordInput(Id(r).ToString(), strings, flags);
        }
        return inputs;
    }

    public void Dispose()
    {
        if (records.Length == 0) return;
        ArrayPool<char>.Shared.Return(text);
        ArrayPool<char>.Shared.Return(ids);
        ArrayPool<WordRange>.Shared.Return(words);
        ArrayPool<Entry>.Shared.Return(records);
        if (allowed != null) ArrayPool<bool>.Shared.Return(allowed);
        (text, ids, words, records, allowed) = ([], [], [], [], null);
    }
}
