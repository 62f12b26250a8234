using System.Text.Json;
using System.Text.Json.Serialization;
using CharBert.Text.IO;

namespace CharBert.Modeling.Pretrained;

/// <summary>A resource a model directory was made from, with its SHA-256.</summary>
public sealed record ProvenanceResource(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sha256")] string Sha256);

/// <summary>provenance.json of an imported model directory: what the weights are, under which licences, where they
/// came from and how they were converted. No timestamps, so an import is byte-for-byte reproducible.</summary>
public sealed record ModelProvenance
{
    public const string FileName = "provenance.json";

    [JsonPropertyName("model")] public required string Model { get; init; }
    [JsonPropertyName("model_license")] public required string ModelLicense { get; init; }
    [JsonPropertyName("source_package")] public required string SourcePackage { get; init; }
    [JsonPropertyName("source_package_license")] public required string SourcePackageLicense { get; init; }
    [JsonPropertyName("source_resources")] public required IReadOnlyList<ProvenanceResource> SourceResources { get; init; }
    [JsonPropertyName("conversion")] public required IReadOnlyList<string> Conversion { get; init; }

    public void Save(string directory) =>
        AtomicFile.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, new JsonSerializerOptions { WriteIndented = true }) + "\n");

    public static ModelProvenance Load(string directory) =>
        JsonSerializer.Deserialize<ModelProvenance>(File.ReadAllText(Path.Combine(directory, FileName)))
        ?? throw new InvalidDataException($"{Path.Combine(directory, FileName)}: expected a JSON object");
}
