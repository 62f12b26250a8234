using System.Text.Json;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Safetensors;

public sealed record SafetensorsEntry(string Name, string DType, ScalarType ScalarType, long[] Shape, long Begin, long End);

/// <summary>Reads a safetensors file: 8-byte little-endian header length N, N bytes of JSON header
/// ({name: {dtype, shape, data_offsets}}, optional __metadata__), then raw little-endian data (offsets relative to
/// the end of the header). The header is validated up front; each tensor is streamed from disk straight into its
/// tensor's memory when loaded. Hand-written, and kept over TorchSharp.PyBridge's Safetensors, which reads the same
/// dtypes with the same peak memory (README, Measured) but exposes no __metadata__ (the reference fixtures keep their
/// config there), validates no header, and reports truncation as a bare EndOfStreamException.</summary>
public sealed class SafetensorsFile
{
    public string Path { get; }
    public IReadOnlyDictionary<string, string> Metadata { get; }
    public IReadOnlyDictionary<string, SafetensorsEntry> Entries { get; }
    private readonly long dataStart;

    private SafetensorsFile(string path, IReadOnlyDictionary<string, string> metadata, IReadOnlyDictionary<string, SafetensorsEntry> entries, long dataStart)
    {
        Path = path;
        Metadata = metadata;
        Entries = entries;
        this.dataStart = dataStart;
    }

    public static SafetensorsFile Open(string path)
    {
        if (!BitConverter.IsLittleEndian) throw new PlatformNotSupportedException("safetensors reading needs a little-endian machine");
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read);
        var fileLength = stream.Length;
        Span<byte> lengthBytes = stackalloc byte[8];
        if (stream.ReadAtLeast(lengthBytes, 8, throwOnEndOfStream: false) < 8)
            throw new DataFormatException(path, 0, $"truncated: {fileLength} bytes, shorter than the 8-byte header length");
        var headerLength = BitConverter.ToInt64(lengthBytes);
        if (headerLength <= 0 || headerLength > fileLength - 8)
            throw new DataFormatException(path, 0, $"header length {headerLength} does not fit in a {fileLength}-byte file (corrupt or truncated)");
        var headerBytes = new byte[headerLength];
        stream.ReadExactly(headerBytes);
        var dataLength = fileLength - 8 - headerLength;

        JsonDocument document;
        try { document = JsonDocument.Parse(headerBytes); }
        catch (JsonException e) { throw new DataFormatException(path, 0, $"header is not valid JSON: {JsonErrors.Problem(e)}", e); }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new DataFormatException(path, "$", "header must be a JSON object");
            var metadata = new Dictionary<string, string>();
            var entries = new Dictionary<string, SafetensorsEntry>();
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == "__metadata__")
                {
                    foreach (var m in property.Value.EnumerateObject())
                        metadata[m.Name] = m.Value.ValueKind == JsonValueKind.String ? m.Value.GetString()! : m.Value.GetRawText();
                    continue;
                }
                entries[property.Name] = ParseEntry(path, property, dataLength);
            }
            return new SafetensorsFile(path, metadata, entries, 8 + headerLength);
        }
    }

    private static SafetensorsEntry ParseEntry(string path, JsonProperty property, long dataLength)
    {
        var where = $"$[\"{property.Name}\"]";
        try
        {
            var value = property.Value;
            var dtype = value.GetProperty("dtype").GetString() ?? "";
            if (!SafetensorsDType.TryParse(dtype, out var scalarType, out var elementSize))
                throw new DataFormatException(path, where, $"unsupported dtype '{dtype}'");
            var shape = value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (shape.Any(d => d < 0)) throw new DataFormatException(path, where, "negative dimension in shape");
            var offsets = value.GetProperty("data_offsets").EnumerateArray().Select(d => d.GetInt64()).ToArray();
            if (offsets.Length != 2 || offsets[0] < 0 || offsets[1] < offsets[0])
                throw new DataFormatException(path, where, "data_offsets must be [begin, end] with 0 <= begin <= end");
            if (offsets[1] > dataLength)
                throw new DataFormatException(path, where, $"data ends at {offsets[1]} but the file holds only {dataLength} data bytes (truncated)");
            var expected = shape.Aggregate(1L, (a, b) => a * b) * elementSize;
            if (offsets[1] - offsets[0] != expected)
                throw new DataFormatException(path, where, $"{offsets[1] - offsets[0]} bytes for shape [{string.Join(",", shape)}] {dtype} (expected {expected})");
            return new SafetensorsEntry(property.Name, dtype, scalarType, shape, offsets[0], offsets[1]);
        }
        catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
        {
            throw new DataFormatException(path, where, $"malformed tensor entry: {e.Message}", e);
        }
    }

    public bool Contains(string name) => Entries.ContainsKey(name);

    /// <summary>Reads one tensor into a new CPU tensor (in the current dispose scope).</summary>
    public Tensor Load(string name)
    {
        if (!Entries.TryGetValue(name, out var entry))
            throw new DataFormatException(Path, 0, $"no tensor named '{name}'");
        using var stream = OpenData();
        return Load(stream, entry);
    }

    /// <summary>Every tensor whose name starts with <paramref name="prefix"/>, keyed without the prefix, read in file order
    /// through one stream.</summary>
    public Dictionary<string, Tensor> LoadAll(string prefix = "")
    {
        using var stream = OpenData();
        return Entries.Values.Where(e => e.Name.StartsWith(prefix, StringComparison.Ordinal)).OrderBy(e => e.Begin)
            .ToDictionary(e => e.Name[prefix.Length..], e => Load(stream, e));
    }

    private FileStream OpenData() => new(Path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);

    /// <summary>The bytes go from the file straight into the tensor's memory (no managed copy).</summary>
    private Tensor Load(FileStream stream, SafetensorsEntry entry)
    {
        var tensor = empty(entry.Shape, entry.ScalarType);
        if (stream.Position != dataStart + entry.Begin) stream.Seek(dataStart + entry.Begin, SeekOrigin.Begin);
        try { Checkpoints.TensorBytes.ReadExactly(stream, tensor); }
        catch (EndOfStreamException e) { throw new DataFormatException(Path, $"$[\"{entry.Name}\"]", "the file ends inside the tensor's data (truncated after it was opened?)", e); }
        return tensor;
    }
}
