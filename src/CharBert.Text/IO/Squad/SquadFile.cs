using System.Text.Unicode;

namespace CharBert.Text.IO.Squad;

/// <summary>A SQuAD 1.1 / 2.0 JSON file: its examples, plus the original bytes and the byte span of every
/// question, context, answer text and answer_start so <see cref="SquadEditor"/> can splice replacements in.</summary>
public sealed class SquadFile
{
    public string DisplayPath { get; }
    public bool HasBom { get; }
    public string? Version { get; }
    public IReadOnlyList<SquadExample> Examples { get; }

    internal byte[] Bytes { get; }
    internal IReadOnlyDictionary<string, JsonValueSpan> ValueSpans { get; }

    /// <summary>True when the file has no raw non-ASCII bytes (Python's ensure_ascii style); replacements follow it.</summary>
    internal bool AsciiOnly { get; }

    SquadFile(string displayPath, byte[] bytes, bool hasBom, SquadParser.Result parsed)
    {
        DisplayPath = displayPath;
        Bytes = bytes;
        HasBom = hasBom;
        Version = parsed.Version;
        Examples = parsed.Examples;
        ValueSpans = parsed.Spans;
        AsciiOnly = !bytes.AsSpan(hasBom ? 3 : 0).ContainsAnyInRange((byte)0x80, (byte)0xFF);
    }

    public static SquadFile Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFormatException(path, 0, "file not found", e);
        }
        return Parse(bytes, path);
    }

    /// <summary>Parses and validates SQuAD JSON held in memory; <paramref name="displayPath"/> names it in errors.</summary>
    public static SquadFile Parse(byte[] bytes, string displayPath)
    {
        var hasBom = bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]);
        var bodyStart = hasBom ? 3 : 0;
        if (bytes.AsSpan(bodyStart).Trim((ReadOnlySpan<byte>)" \t\r\n"u8).IsEmpty)
            throw new DataFormatException(displayPath, 0, "empty file");
        if (!Utf8.IsValid(bytes)) ReportInvalidUtf8(bytes, displayPath);
        var parsed = new SquadParser(bytes, bodyStart, displayPath).Parse();
        return new SquadFile(displayPath, bytes, hasBom, parsed);
    }

    /// <summary>Finds the offending line by decoding line by line, which throws with the line number.</summary>
    static void ReportInvalidUtf8(byte[] bytes, string displayPath)
    {
        using var lines = new LineReader(new MemoryStream(bytes), displayPath);
        foreach (var _ in lines.ReadLines()) { }
        throw new DataFormatException(displayPath, 0, "invalid UTF-8");
    }
}
