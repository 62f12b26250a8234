using System.Buffers;

namespace CharBert.Text.IO.Chunks;

/// <summary>A run of whole lines of a file, as the raw bytes read (no BOM, line endings kept), in a pooled buffer:
/// the unit streaming pipelines hand between threads. <see cref="FirstLine"/> is the 1-based number of its first
/// line; only the file's last chunk may end without a newline. Dispose returns the buffer to the pool.</summary>
public sealed class LineChunk : IDisposable
{
    byte[]? buffer;

    internal LineChunk(byte[] buffer, int length, long firstLine, int lineCount)
    {
        this.buffer = buffer;
        Length = length;
        FirstLine = firstLine;
        LineCount = lineCount;
    }

    public int Length { get; }
    public long FirstLine { get; }

    /// <summary>Lines in the chunk (a final line without newline counts).</summary>
    public int LineCount { get; }

    public ReadOnlySpan<byte> Bytes => (buffer ?? throw new ObjectDisposedException(nameof(LineChunk))).AsSpan(0, Length);

    public void Dispose()
    {
        if (buffer is { } b) ArrayPool<byte>.Shared.Return(b);
        buffer = null;
    }
}
