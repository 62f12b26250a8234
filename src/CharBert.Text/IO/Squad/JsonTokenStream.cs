using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace CharBert.Text.IO.Squad;

/// <summary>Pulls JSON tokens one at a time from a stream with <see cref="Utf8JsonReader"/>, holding only a buffer
/// that starts at the given size and doubles when a single token does not fit (a long context string). New bytes
/// are checked as strict UTF-8 before the JSON reader sees them, so a bad byte is reported with its line like the
/// line-based readers report it; JSON syntax errors carry the reader's line. A leading UTF-8 BOM is skipped.</summary>
sealed class JsonTokenStream : IDisposable
{
    readonly Stream stream;
    readonly bool ownsStream;
    byte[] buffer;
    int start;              // first byte the JSON reader has not consumed
    int validEnd;           // buffer[..validEnd] is checked UTF-8 ending on a character boundary
    int filled;             // buffer[..filled] holds data from the stream
    bool endOfStream;
    long shifted;           // file offset of buffer[0]
    long shiftedNewlines;   // '\n' bytes shifted out of the buffer
    long lineStart;         // file offset of the first byte of the line holding buffer[0]
    bool anyToken;
    JsonReaderState state;
    string? text;
    int? int32;

    public string DisplayPath { get; }
    public bool HasBom { get; }
    public JsonTokenType TokenType { get; private set; }
    public int Depth { get; private set; }

    /// <summary>File offset (BOM included) and length of the current token; a string's length includes its quotes.</summary>
    public long TokenStart { get; private set; }
    public int TokenLength { get; private set; }

    public JsonTokenStream(Stream stream, string displayPath, int bufferSize, bool ownsStream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferSize, 4);
        this.stream = stream;
        this.ownsStream = ownsStream;
        DisplayPath = displayPath;
        buffer = new byte[bufferSize];
        while (filled < 3 && !endOfStream) ReadFromStream();
        HasBom = SkipBom();
        Validate();
    }

    /// <summary>Tokens of a document already in memory: <paramref name="bytes"/> is the buffer, nothing is copied.</summary>
    public JsonTokenStream(byte[] bytes, string displayPath)
    {
        stream = Stream.Null;
        DisplayPath = displayPath;
        buffer = bytes;
        filled = bytes.Length;
        endOfStream = true;
        HasBom = SkipBom();
        Validate();
    }

    bool SkipBom()
    {
        var bom = buffer.AsSpan(0, filled).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        if (!bom) return false;
        start = 3;
        lineStart = 3;
        return true;
    }

    /// <summary>The decoded value of the current string or property name.</summary>
    public string Text => text ?? throw new InvalidOperationException($"{TokenType} has no decoded text");

    public bool TryGetInt32(out int value)
    {
        value = int32.GetValueOrDefault();
        return int32.HasValue;
    }

    /// <summary>Moves to the next token; false at the end of the input. Strings are decoded only when
    /// <paramref name="decode"/> is set (skipped values need not be).</summary>
    public bool Read(bool decode = true)
    {
        while (true)
        {
            var final = endOfStream && validEnd == filled;
            var reader = new Utf8JsonReader(buffer.AsSpan(start, validEnd - start), final, state);
            bool found;
            try
            {
                found = reader.Read();
            }
            catch (JsonException e)
            {
                ThrowIfEmpty();
                throw JsonErrors.InFile(DisplayPath, e, "invalid JSON: ");
            }
            if (found)
            {
                Capture(ref reader, decode);
                start += (int)reader.BytesConsumed;
                state = reader.CurrentState;
                anyToken = true;
                return true;
            }
            if (final)
            {
                ThrowIfEmpty();
                return false;
            }
            start += (int)reader.BytesConsumed;
            state = reader.CurrentState;
            MakeRoom();
            ReadFromStream();
            Validate();
        }
    }

    /// <summary>On an object or array start, moves to its matching end; on any other token, stays.</summary>
    public void Skip()
    {
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return;
        var depth = Depth;
        while (Read(decode: false) && !(Depth == depth && TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)) { }
    }

    void Capture(ref Utf8JsonReader reader, bool decode)
    {
        TokenType = reader.TokenType;
        Depth = reader.CurrentDepth;
        TokenStart = shifted + start + reader.TokenStartIndex;
        text = null;
        int32 = null;
        switch (TokenType)
        {
            case JsonTokenType.String or JsonTokenType.PropertyName:
                TokenLength = reader.ValueSpan.Length + 2;
                if (decode) text = Decode(ref reader);
                break;
            case JsonTokenType.Number:
                TokenLength = reader.ValueSpan.Length;
                if (reader.TryGetInt32(out var value)) int32 = value;
                break;
            default:
                TokenLength = reader.ValueSpan.Length;
                break;
        }
    }

    /// <summary>Valid UTF-8 can still escape a lone surrogate ("\ud800"), which .NET strings refuse to decode.</summary>
    string Decode(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException e)
        {
            throw new DataFormatException(DisplayPath, LineAt(start + (int)reader.TokenStartIndex), $"invalid JSON string: {e.Message}", e);
        }
    }

    void ThrowIfEmpty()
    {
        if (!anyToken && endOfStream && buffer.AsSpan(start, filled - start).Trim(" \t\r\n"u8).IsEmpty)
            throw new DataFormatException(DisplayPath, 0, "empty file");
    }

    /// <summary>Drops the consumed bytes; doubles the buffer when the unconsumed rest already fills it.</summary>
    void MakeRoom()
    {
        if (start > 0)
        {
            var gone = buffer.AsSpan(0, start);
            shiftedNewlines += gone.Count((byte)'\n');
            var lastNewline = gone.LastIndexOf((byte)'\n');
            if (lastNewline >= 0) lineStart = shifted + lastNewline + 1;
            buffer.AsSpan(start, filled - start).CopyTo(buffer);
            shifted += start;
            validEnd -= start;
            filled -= start;
            start = 0;
        }
        if (filled == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
    }

    void ReadFromStream()
    {
        var read = stream.Read(buffer, filled, buffer.Length - filled);
        if (read == 0) endOfStream = true;
        filled += read;
    }

    /// <summary>Checks the new bytes, holding back a character split by the end of the buffer until the rest arrives.</summary>
    void Validate()
    {
        var pending = buffer.AsSpan(validEnd, filled - validEnd);
        var complete = endOfStream ? pending.Length : CompleteCharactersLength(pending);
        if (!Utf8.IsValid(pending[..complete])) ThrowInvalidUtf8(validEnd + FirstInvalidByte(pending[..complete]));
        validEnd += complete;
    }

    static int CompleteCharactersLength(ReadOnlySpan<byte> bytes)
    {
        var lead = bytes.Length - 1;
        while (lead >= 0 && bytes.Length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) lead--;
        if (lead < 0) return bytes.Length;
        var length = bytes[lead] >= 0xF0 ? 4 : bytes[lead] >= 0xE0 ? 3 : bytes[lead] >= 0xC0 ? 2 : 1;
        return lead + length > bytes.Length ? lead : bytes.Length;
    }

    static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var i = 0;
        while (Rune.DecodeFromUtf8(bytes[i..], out _, out var consumed) == System.Buffers.OperationStatus.Done) i += consumed;
        return i;
    }

    void ThrowInvalidUtf8(int index)
    {
        var lastNewline = buffer.AsSpan(0, index).LastIndexOf((byte)'\n');
        var byteInLine = lastNewline >= 0 ? index - lastNewline : shifted + index - lineStart + 1;
        throw DataFormatException.InvalidUtf8(DisplayPath, LineAt(index), buffer[index], byteInLine);
    }

    /// <summary>The 1-based line of <c>buffer[index]</c>.</summary>
    long LineAt(int index) => shiftedNewlines + buffer.AsSpan(0, index).Count((byte)'\n') + 1;

    public void Dispose()
    {
        if (ownsStream) stream.Dispose();
    }
}
