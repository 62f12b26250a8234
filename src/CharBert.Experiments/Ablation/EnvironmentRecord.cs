using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace CharBert.Experiments.Ablation;

/// <summary>What produced a run (AllenNLP-style environment record): the command, tool and library
/// versions, runtime, OS and seed. Written as environment.json in every run directory.</summary>
public sealed record EnvironmentRecord(
    string Command, string ToolVersion, IReadOnlyDictionary<string, string> Libraries, string Runtime, string Os,
    string Device, int Seed, DateTimeOffset StartedUtc)
{
    // Not "environment.json": the training runs inside a cell (finetune/, pretrain/) write their own record by that name.
    public const string FileName = "cell-environment.json";

    static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    public static EnvironmentRecord Capture(string command, string device, int seed) => new(
        command,
        Version(typeof(EnvironmentRecord).Assembly),
        new SortedDictionary<string, string>
        {
            ["TorchSharp"] = LibraryVersion("TorchSharp"),
            ["CsvHelper"] = Version(typeof(CsvHelper.CsvReader).Assembly),
            ["ScottPlot"] = Version(typeof(ScottPlot.Plot).Assembly),
        },
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        device,
        seed,
        DateTimeOffset.UtcNow);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EnvironmentRecord FromJson(string json) =>
        JsonSerializer.Deserialize<EnvironmentRecord>(json, Json) ?? throw new JsonException("empty environment record");

    static string Version(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    // By name so that this record does not force the native-backed assembly to load before it is needed.
    static string LibraryVersion(string assemblyName)
    {
        try { return Version(Assembly.Load(assemblyName)); }
        catch (FileNotFoundException) { return "not loaded"; }
    }
}
