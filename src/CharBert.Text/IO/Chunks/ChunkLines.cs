using System.Runtime.CompilerServices;
namespace CharBert.Text.IO.Chunks;

/// <summary>One line of a chunk: <c>[Start, TextEnd)</c> is its text, <c>[TextEnd, End)</c> its ending ("\n", "\r\n",
/// or nothing for a last line without newline), split as <see cref="LineReader"/> splits.</summary>
public readonly record struct ChunkLine(int Start, int TextEnd, int End)
{
    public ReadOnlySpan<byte> Text(ReadOnlySpan<byte> chunk) => chunk[Start..TextEnd];
}

/// <summary>Walks the lines of a chunk without allocating: <c>for (var p = 0; ChunkLines.Next(bytes, ref p, out var line);)</c>.</summary>
public static class ChunkLines
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Next(ReadOnlySpan<byte> chunk, ref int position, out ChunkLine line)
    {
        if (position >= chunk.Length)
        {
            line = default;
            return false;
        }
        var newline = chunk[position..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            line = new ChunkLine(position, chunk.Length, chunk.Length);
        }
        else
        {
            var end = position + newline + 1;
            var textEnd = newline > 0 && chunk[end - 2] == (byte)'\r' ? end - 2 : end - 1;
            line = new ChunkLine(position, textEnd, end);
        }
        position = line.End;
        return true;
    }

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
