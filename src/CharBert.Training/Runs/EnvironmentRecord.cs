using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace CharBert.Training.Runs;

/// <summary>What produced a run: tool and library versions, device, seed and machine.</summary>
public sealed record EnvironmentRecord(
    string ToolVersion, string TorchSharpVersion, string LibTorchVersion, string Device, bool CudaAvailable,
    int Seed, string MachineName, string Os, int ProcessorCount, string DotnetVersion, DateTimeOffset StartedUtc)
{
    public static EnvironmentRecord Capture(string device, int seed) => new(
        ToolVersion: typeof(EnvironmentRecord).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown",
        TorchSharpVersion: typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        LibTorchVersion: ReadLibTorchVersion(),
        Device: device,
        CudaAvailable: torch.cuda.is_available(),
        Seed: seed,
        MachineName: Environment.MachineName,
        Os: RuntimeInformation.OSDescription,
        ProcessorCount: Environment.ProcessorCount,
        DotnetVersion: RuntimeInformation.FrameworkDescription,
        StartedUtc: DateTimeOffset.UtcNow);

    static string ReadLibTorchVersion()
    {
        try { return torch.__version__; }
        catch (Exception) { return "unknown"; }
    }
}
