using System.Security.Cryptography;

namespace CharBert.Attacks.Output;

/// <summary>Reads a stream while computing its SHA-256, so the manifest's input fingerprint costs no second pass.</summary>
sealed class HashingReadStream(Stream inner) : Stream
{
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    long length;

    /// <summary>The fingerprint of everything read; call once the stream has been read to its end.</summary>
    public FileFingerprint Fingerprint(string fileName) => new(fileName, length, Convert.ToHexStringLower(hash.GetCurrentHash()));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        hash.AppendData(buffer[..read]);
        length += read;
        return read;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => inner.Length;
    public override long Position { get => length; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            hash.Dispose();
            inner.Dispose();
        }
        base.Dispose(disposing);
    }
}

/// <summary>A new output file whose SHA-256 and length are computed as it is written.</summary>
sealed class HashedFileWriter : IDisposable
{
    readonly FileStream stream;
    readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public string Path { get; }

    public HashedFileWriter(string path)
    {
        Path = path;
        stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        hash.AppendData(bytes);
        stream.Write(bytes);
    }

    /// <summary>Closes the file and returns its fingerprint.</summary>
    public FileFingerprint Finish()
    {
        var fingerprint = new FileFingerprint(System.IO.Path.GetFileName(Path), stream.Length, Convert.ToHexStringLower(hash.GetCurrentHash()));
        stream.Dispose();
        return fingerprint;
    }

    public void Dispose()
    {
        stream.Dispose();
        hash.Dispose();
    }
}
