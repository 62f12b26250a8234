using System.Buffers;
using System.Runtime.CompilerServices;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Generation;

/// <summary>The edits one attack set made to the records of a chunk, record by record, in the order made: the text of
/// every original and attacked word lies in one character buffer, so an edit costs no string. The renderer and the edit
/// log read them from here. Buffers are pooled; <see cref="Clear"/> reuses them for the next set.</summary>
public sealed class ChunkEdits : IDisposable
{
    /// <summary>One applied edit to token <see cref="TokenIndex"/> of a record, its words as ranges of the edit text.
    /// Chained edits of a word: each one's original is the previous one's attacked word.</summary>
    public readonly record struct Edit(int TokenIndex, WordRange Original, WordRange Attacked, PerturbationType Type, int Position);

    char[] text = ArrayPool<char>.Shared.Rent(1024);
    int textLength;
    Edit[] edits = ArrayPool<Edit>.Shared.Rent(64);
    int editCount;
    int[] recordEnds = ArrayPool<int>.Shared.Rent(16);
    int recordCount;

    public int Count => recordCount;

    /// <summary>The edits of <paramref name="record"/> (in the order records were closed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<Edit> Of(int record)
    {
        var first = FirstEdit(record);
        return edits.AsSpan(first, recordEnds[record] - first);
    }

    /// <summary>Where the edits of <paramref name="record"/> start: after those of the record before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    int FirstEdit(int record) => record == 0 ? 0 : recordEnds[record - 1];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> Text(WordRange range) => text.AsSpan(range.Start, range.Length);

    /// <summary>Edits added since the last record was closed.</summary>
    public ReadOnlySpan<Edit> Pending
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => edits.AsSpan(FirstEdit(recordCount), editCount - FirstEdit(recordCount));
    }

    /// <summary>Length of the edit text so far: a mark for <see cref="TruncateText"/>.</summary>
    public int TextLength => textLength;

    /// <summary>Copies <paramref name="word"/> into the edit text and returns where it lies.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WordRange Append(ReadOnlySpan<char> word)
    {
        word.CopyTo(Free(word.Length));
        return Commit(word.Length);
    }

    /// <summary>At least <paramref name="length"/> free characters after the edit text, to write a word into (it may
    /// move the text: ranges stay valid, spans taken before do not).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<char> Free(int length)
    {
        if (textLength + length + Slack > text.Length) text = PooledArrays.Grow(text, textLength, textLength + length + Slack);
        return text.AsSpan(textLength);
    }

    /// <summary>Characters the buffer always holds after the text, so that a word's first <see cref="Slack"/> characters
    /// can be read in one go whatever its length.</summary>
    public const int Slack = 16;

    /// <summary>The text from <paramref name="range"/>'s start to the end of the buffer: the word, then at least
    /// <see cref="Slack"/> minus its length characters of whatever follows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<char> TextFrom(WordRange range) => text.AsSpan(range.Start);

    /// <summary>Makes the first <paramref name="length"/> characters written to <see cref="Free"/> part of the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public WordRange Commit(int length)
    {
        var range = new WordRange(textLength, length);
        textLength += length;
        return range;
    }

    /// <summary>Drops the text written after <paramref name="mark"/> (a word copied for edits that changed nothing).</summary>
    public void TruncateText(int mark) => textLength = mark;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int tokenIndex, WordRange original, WordRange attacked, PerturbationType type, int position)
    {
        if (editCount == edits.Length) edits = PooledArrays.Grow(edits, editCount, editCount + 1);
        edits[editCount++] = new Edit(tokenIndex, original, attacked, type, position);
    }

    /// <summary>Adds an edit with its words given as text.</summary>
    public void Add(int tokenIndex, ReadOnlySpan<char> original, ReadOnlySpan<char> attacked, PerturbationType type, int position) =>
        Add(tokenIndex, Append(original), Append(attacked), type, position);

    /// <summary>Closes a record holding the edits added since the previous one (possibly none).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void EndRecord()
    {
        if (recordCount == recordEnds.Length) recordEnds = PooledArrays.Grow(recordEnds, recordCount, recordCount + 1);
        recordEnds[recordCount++] = editCount;
    }

    public void Clear() => (textLength, editCount, recordCount) = (0, 0, 0);

    /// <summary>The index of the last edit of each edited token of <paramref name="record"/>, in token order: the edit
    /// whose attacked word the token ends up as.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int LastEditsInTokenOrder(int record, Span<int> destination)
    {
        var recordEdits = Of(record);
        var count = 0;
        var inOrder = true;
        for (var e = 0; e < recordEdits.Length; e++)
        {
            if (e + 1 < recordEdits.Length && recordEdits[e + 1].TokenIndex == recordEdits[e].TokenIndex) continue;
            if (count > 0 && recordEdits[e].TokenIndex <= recordEdits[destination[count - 1]].TokenIndex) inOrder = false;
            destination[count++] = e;
        }
        if (inOrder) return count;
        // Edits made out of token order (never by the recipes): the last edit of each token wins, tokens sorted.
        count = 0;
        for (var e = recordEdits.Length - 1; e >= 0; e--)
        {
            var seen = false;
            for (var k = 0; k < count && !seen; k++) seen = recordEdits[destination[k]].TokenIndex == recordEdits[e].TokenIndex;
            if (!seen) destination[count++] = e;
        }
        for (var i = 1; i < count; i++)
            for (var j = i; j > 0 && recordEdits[destination[j]].TokenIndex < recordEdits[destination[j - 1]].TokenIndex; j--)
                (destination[j], destination[j - 1]) = (destination[j - 1], destination[j]);
        return count;
    }

    /// <summary>The attacked record as strings: each edited word rebuilt around its attacked core (see <see cref="WordCore"/>).
    /// Given the <paramref name="input"/> the record was made from, its strings are reused for the words left alone.</summary>
    public AttackRecordResult ToResult(ChunkRecords records, int record, WordGranularity granularity, AttackRecordInput? input = null)
    {
        var recordWords = records.Words(record);
        var recordEdits = Of(record);
        var id = input?.Id ?? records.Id(record).ToString();
        if (recordEdits.IsEmpty && input != null) return new AttackRecordResult(id, input.Words, []);
        var words = new string[recordWords.Length];
        for (var w = 0; w < words.Length; w++) words[w] = input?.Words[w] ?? recordWords[w].ToString();
        var logged = new WordEdit[recordEdits.Length];
        for (var e = 0; e < recordEdits.Length; e++)
        {
            var edit = recordEdits[e];
            var attacked = Text(edit.Attacked);
            logged[e] = new WordEdit(edit.TokenIndex, OriginalString(recordEdits, logged, e, input), attacked.ToString(), edit.Type, edit.Position);
            words[edit.TokenIndex] = granularity == WordGranularity.TokenLevel
                ? logged[e].Attacked
                : WordCore.Of(recordWords[edit.TokenIndex]).Rebuild(recordWords[edit.TokenIndex], attacked);
        }
        return new AttackRecordResult(id, words, logged);
    }

    /// <summary>The original word of edit <paramref name="e"/> as a string: the previous edit's attacked string when it
    /// continues a chain, the input's own string when it is that word, a new one otherwise.</summary>
    string OriginalString(ReadOnlySpan<Edit> recordEdits, WordEdit[] logged, int e, AttackRecordInput? input)
    {
        var original = Text(recordEdits[e].Original);
        if (e > 0 && recordEdits[e - 1].TokenIndex == recordEdits[e].TokenIndex && original.SequenceEqual(logged[e - 1].Attacked))
            return logged[e - 1].Attacked;
        if (input?.Words[recordEdits[e].TokenIndex] is { } word && original.SequenceEqual(word)) return word;
        return original.ToString();
    }

    public void Dispose()
    {
        if (recordEnds.Length == 0) return;
        ArrayPool<char>.Shared.Return(text);
        ArrayPool<Edit>.Shared.Return(edits);
        ArrayPool<int>.Shared.Return(recordEnds);
        (text, edits, recordEnds) = ([], [], []);
    }
}
