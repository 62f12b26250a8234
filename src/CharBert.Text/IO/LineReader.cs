using System.Text;

namespace CharBert.Text.IO;

/// <summary>Reads a UTF-8 text file lazily, line by line, in one pass and constant memory (one line at a time).
/// Lines are split on the byte <c>\n</c> and decoded strictly, so invalid UTF-8 is reported with its line
/// number instead of being replaced silently; a NUL byte (a binary file, or UTF-16 text) is refused the same way. A leading
/// UTF-8 BOM is consumed and reported by <see cref="HasBom"/>.</summary>
public sealed class LineReader : IDisposable
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    readonly Stream stream;
    readonly bool ownsStream;
    readonly byte[] buffer = new byte[64 * 1024];
    int bufferStart;
    int bufferEnd;
    bool linesTaken;

    public string DisplayPath { get; }
    public bool HasBom { get; }

    public LineReader(Stream stream, string displayPath, bool ownsStream = false)
    {
        this.stream = stream;
        this.ownsStream = ownsStream;
        DisplayPath = displayPath;
        while (bufferEnd < Bom.Length)
        {
            var read = stream.Read(buffer, bufferEnd, buffer.Length - bufferEnd);
            if (read == 0) break;
            bufferEnd += read;
        }
        HasBom = buffer.AsSpan(0, bufferEnd).StartsWith(Bom);
        if (HasBom) bufferStart = Bom.Length;
    }

    public static LineReader Open(string path) => new(InputFile.OpenRead(path), path, ownsStream: true);

    /// <summary>The file's lines, read lazily; can be enumerated once.</summary>
    public IEnumerable<SourceLine> ReadLines()
    {
        if (linesTaken) throw new InvalidOperationException($"{DisplayPath}: lines can be read only once (the reader streams).");
        linesTaken = true;
        return Iterate();
    }

    IEnumerable<SourceLine> Iterate()
    {
        var line = new byte[256];
        var lineLength = 0;
        long number = 0;
        while (true)
        {
            if (bufferStart == bufferEnd)
            {
                bufferStart = 0;
                bufferEnd = stream.Read(buffer, 0, buffer.Length);
                if (bufferEnd == 0) break;
            }
            var available = buffer.AsSpan(bufferStart, bufferEnd - bufferStart);
            var newline = available.IndexOf((byte)'\n');
            var take = newline < 0 ? available : available[..newline];
            if (lineLength + take.Length > line.Length) Array.Resize(ref line, Math.Max(line.Length * 2, lineLength + take.Length));
            take.CopyTo(line.AsSpan(lineLength));
            lineLength += take.Length;
            bufferStart += newline < 0 ? take.Length : take.Length + 1;
            if (newline < 0) continue;

            number++;
            var crlf = lineLength > 0 && line[lineLength - 1] == (byte)'\r';
            yield return Decode(line.AsSpan(0, crlf ? lineLength - 1 : lineLength), number, crlf ? "\r\n" : "\n");
            lineLength = 0;
        }
        if (lineLength > 0) yield return Decode(line.AsSpan(0, lineLength), number + 1, "");
    }

    SourceLine Decode(ReadOnlySpan<byte> bytes, long number, string ending)
    {
        if (bytes.IndexOf((byte)0) is var nul and >= 0)
            throw DataFormatException.NulByte(DisplayPath, number, nul + 1);
        try
        {
            return new SourceLine(number, StrictUtf8.GetString(bytes), ending);
        }
        catch (DecoderFallbackException e)
        {
            throw DataFormatException.InvalidUtf8(DisplayPath, number, bytes[Math.Max(e.Index, 0)], Math.Max(e.Index, 0) + 1, e);
        }
    }

    public void Dispose()
    {
        if (ownsStream) stream.Dispose();
    }
}
