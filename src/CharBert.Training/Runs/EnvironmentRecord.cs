using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace CharBert.Training.Runs;

/// <summary>What produced a run (AllenNLP-style environment record): the command, the tool, TorchSharp and libtorch
/// versions, any further libraries the caller names (the experiment runner adds CsvHelper and ScottPlot), the device,
/// whether CUDA was available, the seed, machine, OS, processor count, runtime and start time. Training runs write it
/// as environment.json; ablation cells as cell-environment.json.</summary>
public sealed record EnvironmentRecord(
    string Command, string ToolVersion, string TorchSharpVersion, string LibTorchVersion, IReadOnlyDictionary<string, string> Libraries,
    string Device, bool CudaAvailable, int Seed, string MachineName, string Os, int ProcessorCount, string Runtime, DateTimeOffset StartedUtc)
{
    /// <param name="command">What was run; default: this process's command line.</param>
    public static EnvironmentRecord Capture(string device, int seed, string? command = null, IReadOnlyDictionary<string, string>? libraries = null) => new(
        Command: command ?? string.Join(' ', Environment.GetCommandLineArgs()),
        ToolVersion: AssemblyVersion(typeof(EnvironmentRecord).Assembly),
        TorchSharpVersion: AssemblyVersion(typeof(torch).Assembly),
        LibTorchVersion: ReadLibTorchVersion(),
        Libraries: new SortedDictionary<string, string>(libraries?.ToDictionary() ?? [], StringComparer.Ordinal),
        Device: device,
        CudaAvailable: torch.cuda.is_available(),
        Seed: seed,
        MachineName: Environment.MachineName,
        Os: RuntimeInformation.OSDescription,
        ProcessorCount: Environment.ProcessorCount,
        Runtime: RuntimeInformation.FrameworkDescription,
        StartedUtc: DateTimeOffset.UtcNow);

    /// <summary>An assembly's informational version without the source-revision suffix ("5.1.59", not "5.1.59+abc123").</summary>
    public static string AssemblyVersion(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? assembly.GetName().Version?.ToString() ?? "unknown";

    public void Save(string path) => JsonFiles.Write(path, this);

    public static EnvironmentRecord Load(string path) => JsonFiles.Read<EnvironmentRecord>(path);

    static string ReadLibTorchVersion()
    {
        try { return torch.__version__; }
        catch (Exception) { return "unknown"; }
    }
}
