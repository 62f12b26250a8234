using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using CharBert.Text.IO.Chunks;

namespace CharBert.Text.IO.Conll;

/// <summary><see cref="ConllReader"/>'s line rules on raw UTF-8 bytes, for streaming pipelines that parse chunks of
/// a CoNLL file on worker threads: a line is a token line unless it is blank (whitespace only) or a <c>-DOCSTART-</c>
/// line; a sentence is a run of token lines; fields are separated by spaces and tabs.</summary>
public static class ConllByteLines
{
    static ReadOnlySpan<byte> DocStart => "-DOCSTART-"u8;

    /// <param name="text">The line without its ending.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsTokenLine(ReadOnlySpan<byte> text)
    {
        var start = 0; // lines are short: a plain loop beats the vectorised search
        while (start < text.Length && IsSeparator(text[start])) start++;
        if (start == text.Length) return false;
        var first = text[start];
        if (first < 0x80 && !char.IsWhiteSpace((char)first)) return first != (byte)'-' || !text[start..].StartsWith(DocStart);
        return IsTokenLineDecoded(text);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static bool IsTokenLineDecoded(ReadOnlySpan<byte> text)
    {
        // Another kind of whitespace first (non-breaking space, \r, ...): decide on the decoded text, as the reader does.
        // Invalid UTF-8 decodes leniently here; the chunk's parser reports it with its line.
        var decoded = Encoding.UTF8.GetString(text);
        return !string.IsNullOrWhiteSpace(decoded) && !ConllOtherLine.IsDocStartText(decoded);
    }

    /// <summary>The sentences (runs of token lines, see <see cref="IsTokenLine"/>) that start in <paramref name="chunk"/>,
    /// counting a run at its start as a new sentence. 64 bytes at a time: a line whose first byte is ASCII, not
    /// whitespace and not '-' is a token line, so only the other lines (blank, indented, <c>-DOCSTART-</c>, tokens
    /// starting with '-' or a non-ASCII character) are looked at one by one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int CountSentences(ReadOnlySpan<byte> chunk)
    {
        var runs = new TokenRuns();
        var position = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            var carry = 1UL; // the chunk's first byte starts a line
            for (; chunk.Length - position >= 64; position += 64)
            {
                ref var first = ref Unsafe.Add(ref MemoryMarshal.GetReference(chunk), position);
                ulong newlines = 0, plain = 0;
                for (var part = 0; part < 4; part++)
                {
                    var bytes = Vector128.LoadUnsafe(ref first, (nuint)(part * 16));
                    newlines |= (ulong)Vector128.Equals(bytes, Vector128.Create((byte)'\n')).ExtractMostSignificantBits() << (part * 16);
                    var isPlain = Vector128.GreaterThan(bytes, Vector128.Create((byte)' ')) & Vector128.LessThan(bytes, Vector128.Create((byte)0x80))
                        & ~Vector128.Equals(bytes, Vector128.Create((byte)'-'));
                    plain |= (ulong)isPlain.ExtractMostSignificantBits() << (part * 16);
                }
                var starts = newlines << 1 | carry;
                carry = newlines >> 63;
                var tokenStarts = starts & plain;
                for (var others = starts & ~plain; others != 0; others &= others - 1)
                {
                    var bit = BitOperations.TrailingZeroCount(others);
                    var before = (1UL << bit) - 1;
                    if ((tokenStarts & before) != 0) runs.Add(true);
                    tokenStarts &= ~before;
                    runs.Add(IsTokenLine(LineAt(chunk, position + bit)));
                }
                if (tokenStarts != 0) runs.Add(true);
            }
        }
        for (; position < chunk.Length; position++)
            if (position == 0 || chunk[position - 1] == (byte)'\n')
                runs.Add(chunk[position] is > (byte)' ' and < 0x80 and not (byte)'-' || IsTokenLine(LineAt(chunk, position)));
        return runs.Count;
    }

    /// <summary>Counts the runs of token lines in a sequence of lines (several token lines in a row may be added as one).</summary>
    struct TokenRuns
    {
        bool previousIsToken;

        public int Count { get; private set; }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Add(bool isToken)
        {
            if (isToken && !previousIsToken) Count++;
            previousIsToken = isToken;
        }
    }

    /// <summary>The text of the line starting at <paramref name="start"/>, without its ending (as <see cref="LineCursor"/> splits).</summary>
    static ReadOnlySpan<byte> LineAt(ReadOnlySpan<byte> chunk, int start)
    {
        var rest = chunk[start..];
        new LineCursor(rest).Next(out var line);
        return line.Text(rest);
    }

    /// <summary>Where a chunk of whole lines may end without splitting a sentence: the length of the longest prefix
    /// that ends with a blank or <c>-DOCSTART-</c> line, or 0 when <paramref name="lines"/> has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int LastSentenceBoundary(ReadOnlySpan<byte> lines)
    {
        for (var end = lines.Length; end > 0;)
        {
            var line = ChunkLines.LineEndingAt(lines, end);
            if (!IsTokenLine(line.Text(lines))) return end;
            end = line.Start;
        }
        return 0;
    }

    /// <summary><see cref="SplitTokenLine(ReadOnlySpan{byte}, int, out Range, out Range)"/> for the line of
    /// <paramref name="length"/> bytes at <paramref name="start"/> of <paramref name="chunk"/> (ranges relative to the
    /// line). A line shorter than 32 bytes with 32 bytes of chunk from its start (most CoNLL lines) is split with two
    /// vector loads and bit arithmetic on the separator mask; others by the byte loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SplitTokenLine(ReadOnlySpan<byte> chunk, int start, int length, int labelColumn, out Range word, out Range label)
    {
        if (!Vector128.IsHardwareAccelerated || length >= 32 || chunk.Length - start < 32)
            return SplitTokenLine(chunk.Slice(start, length), labelColumn, out word, out label);
        ref var first = ref Unsafe.Add(ref MemoryMarshal.GetReference(chunk), start);
        var separators = Separators(Vector128.LoadUnsafe(ref first)) | Separators(Vector128.LoadUnsafe(ref first, 16)) << 16;
        var inField = ~separators & ((1u << length) - 1);
        var starts = inField & ~(inField << 1); // bit i: a field starts at byte i
        var ends = inField & ~(inField >> 1); // bit i: a field's last byte
        word = label = default;
        if (starts == 0) return 0;
        word = BitOperations.TrailingZeroCount(starts)..(BitOperations.TrailingZeroCount(ends) + 1);
        var count = BitOperations.PopCount(starts);
        if ((uint)labelColumn < (uint)count)
        {
            for (var k = 0; k < labelColumn; k++)
            {
                starts &= starts - 1;
                ends &= ends - 1;
            }
            label = BitOperations.TrailingZeroCount(starts)..(BitOperations.TrailingZeroCount(ends) + 1);
        }
        return count;
    }

    /// <summary>Fields are separated by spaces and tabs.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'\t';

    /// <summary>Bit i set when byte i is a separator (<see cref="IsSeparator"/>, 16 bytes at once). Two 128-bit halves
    /// rather than one 256-bit load: code that leaves the upper halves of the vector registers in use slowed the
    /// library code called after it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static uint Separators(Vector128<byte> bytes) =>
        (Vector128.Equals(bytes, Vector128.Create((byte)' ')) | Vector128.Equals(bytes, Vector128.Create((byte)'\t'))).ExtractMostSignificantBits();

    /// <summary>Counts the fields of a token line and finds field 0 (the word) and field <paramref name="labelColumn"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int SplitTokenLine(ReadOnlySpan<byte> text, int labelColumn, out Range word, out Range label)
    {
        word = label = default;
        var count = 0;
        var position = 0;
        while (true) // fields are short: one pass of plain loops beats a vectorised search per field
        {
            while (position < text.Length && IsSeparator(text[position])) position++;
            if (position == text.Length) return count;
            var start = position;
            while (position < text.Length && !IsSeparator(text[position])) position++;
            if (count == 0) word = start..position;
            if (count == labelColumn) label = start..position;
            count++;
        }
    }

    /// <summary>The label column of a file whose token lines have <paramref name="columnCount"/> fields, or the
    /// error <see cref="ConllReader"/> gives at its first token line.</summary>
    public static int ResolveLabelColumn(ConllOptions? options, int columnCount, string displayPath, long line)
    {
        var (index, error) = (options ?? ConllOptions.Default).ResolveLabelColumn(columnCount);
        return error == null ? index : throw new DataFormatException(displayPath, line, error);
    }

    public static string WrongColumnCount(int expected, int found) =>
        $"wrong column count: expected {expected} columns like the first token line, found {found}";

    public const string NoSentences = "no sentences: the file holds only blank and -DOCSTART- lines";

    /// <summary>The label that marks a token outside every entity.</summary>
    public static bool IsOutsideLabel(ReadOnlySpan<byte> label) => label.SequenceEqual("O"u8);
}
