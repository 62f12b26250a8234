using System.Buffers;

namespace CharBert.Text.IO.Chunks;

/// <summary>Reads a text file as a sequence of <see cref="LineChunk"/>s of about <c>chunkBytes</c> each, cut only
/// at line ends the caller accepts, in one pass with a bounded buffer (a chunk grows past the target only while no
/// acceptable cut has been found, e.g. for one very long line). A leading UTF-8 BOM is consumed and reported by
/// <see cref="HasBom"/>. Bytes are not decoded here: chunks are parsed, in parallel if wanted, by their consumer
/// (<see cref="Utf8Check"/> validates them with line numbers).</summary>
public sealed class LineChunkReader : IDisposable
{
    public const int DefaultChunkBytes = 64 * 1024;
    static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    readonly Stream stream;
    readonly bool ownsStream;
    readonly int chunkBytes;
    byte[] pending;
    int pendingLength;
    bool endOfStream;
    long nextLine = 1;

    public string DisplayPath { get; }
    public bool HasBom { get; }

    /// <summary>Bytes read from the stream so far, BOM included.</summary>
    public long BytesRead { get; private set; }

    /// <summary>True when the stream holds nothing besides an optional BOM.</summary>
    public bool IsEmpty { get; }

    public LineChunkReader(Stream stream, string displayPath, int chunkBytes = DefaultChunkBytes, bool ownsStream = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 16);
        this.stream = stream;
        this.ownsStream = ownsStream;
        this.chunkBytes = chunkBytes;
        DisplayPath = displayPath;
        pending = ArrayPool<byte>.Shared.Rent(chunkBytes);
        Fill(Bom.Length);
        HasBom = pending.AsSpan(0, pendingLength).StartsWith(Bom);
        if (HasBom)
        {
            pending.AsSpan(Bom.Length, pendingLength - Bom.Length).CopyTo(pending);
            pendingLength -= Bom.Length;
        }
        if (pendingLength == 0) Fill(1);
        IsEmpty = pendingLength == 0;
    }

    public static LineChunkReader Open(string path, int chunkBytes = DefaultChunkBytes) =>
        new(InputFile.OpenRead(path), path, chunkBytes, ownsStream: true);

    /// <summary>The next chunk, or null at the end of the file.</summary>
    /// <param name="lastCut">Given whole lines (ending with a newline), the length of the longest prefix a chunk may
    /// end with, or 0 when none may end there (the reader then reads on). Null: every line end is a cut.</param>
    public LineChunk? Read(Func<ReadOnlySpan<byte>, int>? lastCut = null) => Cut(lines =>
    {
        var lastNewline = lines.LastIndexOf((byte)'\n');
        return lastNewline < 0 ? 0 : lastCut?.Invoke(lines[..(lastNewline + 1)]) ?? lastNewline + 1;
    });

    /// <summary>The next line alone (e.g. a header), or null at the end of the file.</summary>
    public LineChunk? ReadLine() => Cut(lines => lines.IndexOf((byte)'\n') + 1);

    /// <summary>Cuts the next chunk where <paramref name="cutIn"/> says (0: nowhere yet, read on); at the end of the
    /// stream whatever remains is the chunk.</summary>
    LineChunk? Cut(CutRule cutIn)
    {
        var target = chunkBytes;
        int cut;
        while (true)
        {
            Fill(target);
            cut = cutIn(pending.AsSpan(0, pendingLength));
            if (cut > 0) break;
            if (endOfStream)
            {
                cut = pendingLength;
                break;
            }
            target = checked(Math.Max(pendingLength, chunkBytes) * 2);
        }
        if (cut == 0) return null;

        var full = pending;
        var tail = pendingLength - cut;
        pending = ArrayPool<byte>.Shared.Rent(Math.Max(chunkBytes, tail));
        full.AsSpan(cut, tail).CopyTo(pending);
        pendingLength = tail;
        var bytes = full.AsSpan(0, cut);
        var lineCount = bytes.Count((byte)'\n') + (bytes[^1] == (byte)'\n' ? 0 : 1);
        var chunk = new LineChunk(full, cut, nextLine, lineCount);
        nextLine += lineCount;
        return chunk;
    }

    delegate int CutRule(ReadOnlySpan<byte> pending);

    /// <summary>Reads until <paramref name="target"/> bytes are pending or the stream ends.</summary>
    void Fill(int target)
    {
        if (pending.Length < target)
        {
            var larger = ArrayPool<byte>.Shared.Rent(target);
            pending.AsSpan(0, pendingLength).CopyTo(larger);
            ArrayPool<byte>.Shared.Return(pending);
            pending = larger;
        }
        while (!endOfStream && pendingLength < target)
        {
            var read = stream.Read(pending, pendingLength, pending.Length - pendingLength);
            if (read == 0) endOfStream = true;
            pendingLength += read;
            BytesRead += read;
        }
    }

    public void Dispose()
    {
        if (pending.Length > 0) ArrayPool<byte>.Shared.Return(pending);
        pending = [];
        if (ownsStream) stream.Dispose();
    }
}
