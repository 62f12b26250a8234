using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharBert.Text.IO;

namespace CharBert.Attacks.Output;

public sealed record FileFingerprint(string File, long Bytes, string Sha256)
{
    public static FileFingerprint Of(string path)
    {
        using var stream = System.IO.File.OpenRead(path);
        var hash = Convert.ToHexStringLower(SHA256.HashData(stream));
        return new FileFingerprint(Path.GetFileName(path), new FileInfo(path).Length, hash);
    }
}

/// <summary>One generated attack set (the mixed set, or one per perturbation type).</summary>
/// <see cref="EditLog"/> is null when the run wrote no edit log.
public sealed record AttackSetEntry(string Name, IReadOnlyList<string> Types, FileFingerprint Output, string? EditLog,
    string StatisticsFile, AttackStatistics Statistics);

/// <summary>Everything needed to regenerate the outputs, and nothing that changes between identical runs (no
/// timestamps, no absolute paths), so reruns produce a byte-identical manifest.</summary>
public sealed record AttackManifest(
    string Tool,
    string ToolVersion,
    string Task,
    FileFingerprint Input,
    string Recipe,
    string Reproduces,
    ulong Seed,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Options,
    IReadOnlyList<AttackSetEntry> Sets)
{
    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DictionaryKeyPolicy = null,
        Converters = { new JsonStringEnumConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string CurrentToolVersion() =>
        typeof(AttackManifest).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static void WriteJson<T>(string path, T value) =>
        AtomicFile.Write(path, stream =>
        {
            JsonSerializer.Serialize(stream, value, Json);
            stream.WriteByte((byte)'\n');
        });
}
