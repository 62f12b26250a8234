namespace CharBert.Text.Tests.IO;

/// <summary>A forward-only read stream that counts the bytes it hands out (so a test can see how far ahead of its
/// consumer a streaming reader has read); subclasses supply the bytes.</summary>
abstract class CountingReadStream : Stream
{
    public long BytesRead { get; private set; }

    protected abstract int ReadMore(byte[] buffer, int offset, int count);

    public sealed override int Read(byte[] buffer, int offset, int count)
    {
        var n = ReadMore(buffer, offset, count);
        BytesRead += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
