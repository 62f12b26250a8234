using System.Runtime.CompilerServices;
using System.Buffers;
using System.Text;

namespace CharBert.Text.IO.Chunks;

/// <summary>A growable byte buffer on <see cref="ArrayPool{T}"/> memory for rendering chunks on worker threads
/// (a fresh array per chunk would land on the large-object heap and grow the process). Dispose returns it.</summary>
public sealed class PooledByteBuffer(int initialCapacity = 64 * 1024) : IBufferWriter<byte>, IDisposable
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    byte[] buffer = ArrayPool<byte>.Shared.Rent(Math.Max(256, initialCapacity));
    int length;

    public int Length => length;
    public ReadOnlySpan<byte> WrittenSpan => buffer.AsSpan(0, length);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Write(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(buffer.AsSpan(length));
        length += bytes.Length;
    }

    public void WriteByte(byte value)
    {
        GetSpan(1)[0] = value;
        length++;
    }

    /// <summary>Appends <paramref name="text"/> as UTF-8; a lone surrogate is an error, never a replacement character.</summary>
    public void WriteUtf8(ReadOnlySpan<char> text)
    {
        var written = StrictUtf8.GetBytes(text, GetSpan(StrictUtf8.GetMaxByteCount(text.Length)));
        length += written;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Advance(int count) => length += count;

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => length = 0;

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsMemory(length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Ensure(sizeHint);
        return buffer.AsSpan(length);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void Ensure(int sizeHint)
    {
        if (Math.Max(sizeHint, 1) > buffer.Length - length) Grow(sizeHint);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    void Grow(int sizeHint)
    {
        var needed = length + Math.Max(sizeHint, 1);
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, buffer.Length * 2));
        buffer.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }

    public void Dispose()
    {
        if (buffer.Length > 0) ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
        length = 0;
    }
}
