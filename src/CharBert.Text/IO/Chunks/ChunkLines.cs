using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
namespace CharBert.Text.IO.Chunks;

/// <summary>One line of a chunk: <c>[Start, TextEnd)</c> is its text, <c>[TextEnd, End)</c> its ending ("\n", "\r\n",
/// or nothing for a last line without newline), split as <see cref="LineReader"/> splits.</summary>
public readonly record struct ChunkLine(int Start, int TextEnd, int End)
{
    public ReadOnlySpan<byte> Text(ReadOnlySpan<byte> chunk) => chunk[Start..TextEnd];
}

/// <summary>Walks the lines of a chunk without allocating: <c>for (var lines = new LineCursor(bytes); lines.Next(out var line);)</c>.
/// Newlines are found 64 bytes at a time from a bit mask, consumed a line at a time: most lines are shorter than the
/// set-up of a vectorised search per line.</summary>
public ref struct LineCursor
{
    const int Block = 64;

    readonly ReadOnlySpan<byte> chunk;
    int position;
    int blockStart;
    ulong newlines;

    public LineCursor(ReadOnlySpan<byte> chunk)
    {
        this.chunk = chunk;
        newlines = chunk.IsEmpty ? 0 : NewlineMask(chunk, 0);
    }

    /// <summary>The next line, or false after the last one.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Next(out ChunkLine line)
    {
        if (position >= chunk.Length)
        {
            line = default;
            return false;
        }
        while (newlines == 0)
        {
            blockStart += Block;
            if (blockStart >= chunk.Length)
            {
                line = new ChunkLine(position, chunk.Length, chunk.Length);
                position = chunk.Length;
                return true;
            }
            newlines = NewlineMask(chunk, blockStart);
        }
        var newline = blockStart + BitOperations.TrailingZeroCount(newlines);
        newlines &= newlines - 1;
        var textEnd = newline > position && chunk[newline - 1] == (byte)'\r' ? newline - 1 : newline;
        line = new ChunkLine(position, textEnd, newline + 1);
        position = newline + 1;
        return true;
    }

    /// <summary>Bit i set when byte <paramref name="start"/> + i is a newline, for the (up to) 64 bytes from there.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    static ulong NewlineMask(ReadOnlySpan<byte> chunk, int start)
    {
        if (Vector128.IsHardwareAccelerated && chunk.Length - start >= Block)
        {
            // Four 128-bit loads rather than two 256-bit ones: 256-bit code slowed the code after it (see ConllByteLines).
            ref var first = ref Unsafe.Add(ref MemoryMarshal.GetReference(chunk), start);
            var newline = Vector128.Create((byte)'\n');
            ulong mask = 0;
            for (var part = 0; part < 4; part++)
                mask |= (ulong)Vector128.Equals(Vector128.LoadUnsafe(ref first, (nuint)(part * 16)), newline).ExtractMostSignificantBits() << (part * 16);
            return mask;
        }
        ulong tail = 0;
        var end = Math.Min(chunk.Length, start + Block);
        for (var i = start; i < end; i++)
            if (chunk[i] == (byte)'\n') tail |= 1UL << (i - start);
        return tail;
    }
}

public static class ChunkLines
{
    /// <summary>The start of the line that ends at <paramref name="end"/> (exclusive, just after its newline).</summary>
    public static int StartOfLineEndingAt(ReadOnlySpan<byte> chunk, int end)
    {
        var previous = chunk[..(end - 1)].LastIndexOf((byte)'\n');
        return previous + 1;
    }

    /// <summary>The line that ends at <paramref name="end"/> (exclusive, just after its newline).</summary>
    public static ChunkLine LineEndingAt(ReadOnlySpan<byte> chunk, int end)
    {
        var start = StartOfLineEndingAt(chunk, end);
        var textEnd = end - start >= 2 && chunk[end - 2] == (byte)'\r' ? end - 2 : end - 1;
        return new ChunkLine(start, textEnd, end);
    }
}
