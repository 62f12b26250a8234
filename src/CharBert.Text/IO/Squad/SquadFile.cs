namespace CharBert.Text.IO.Squad;

/// <summary>A SQuAD 1.1 / 2.0 JSON file: its examples, plus the original bytes and the byte span of every
/// question, context, answer text and answer_start so <see cref="SquadEditor"/> can splice replacements in.
/// Memory: the whole file's bytes, every example and a path-keyed span table stay in memory, about 5.5 times the
/// file size (222 MB live for a generated 40 MB SQuAD 2.0-shaped file, `charbert bench squad`). The attack generator
/// needs that to rewrite strings in place; code that only reads examples uses <see cref="SquadReader"/>, which streams.</summary>
public sealed class SquadFile
{
    public string DisplayPath { get; }
    public bool HasBom { get; }
    public string? Version { get; }
    public IReadOnlyList<SquadExample> Examples { get; }

    internal byte[] Bytes { get; }

    /// <summary>Size of the file in bytes.</summary>
    public int ByteCount => Bytes.Length;
    internal IReadOnlyDictionary<string, JsonValueSpan> ValueSpans { get; }

    /// <summary>True when the file has no raw non-ASCII bytes (Python's ensure_ascii style); replacements follow it.</summary>
    internal bool AsciiOnly { get; }

    SquadFile(string displayPath, byte[] bytes, bool hasBom, string? version, IReadOnlyList<SquadExample> examples,
        IReadOnlyDictionary<string, JsonValueSpan> valueSpans)
    {
        DisplayPath = displayPath;
        Bytes = bytes;
        HasBom = hasBom;
        Version = version;
        Examples = examples;
        ValueSpans = valueSpans;
        AsciiOnly = !bytes.AsSpan(hasBom ? 3 : 0).ContainsAnyInRange((byte)0x80, (byte)0xFF);
    }

    public static SquadFile Load(string path) => Parse(InputFile.ReadAllBytes(path), path);

    /// <summary>Parses and validates SQuAD JSON held in memory; <paramref name="displayPath"/> names it in errors.</summary>
    public static SquadFile Parse(byte[] bytes, string displayPath)
    {
        var spans = new Dictionary<string, JsonValueSpan>(StringComparer.Ordinal);
        using var reader = new SquadReader(bytes, displayPath) { ValueSpans = spans };
        var examples = reader.ReadExamples().ToList();
        return new SquadFile(displayPath, bytes, reader.HasBom, reader.Version, examples, spans);
    }
}
