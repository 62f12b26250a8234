using System.Diagnostics;
using System.Globalization;

namespace CharBert.Cli;

/// <summary>For `charbert bench attack`, which runs the CLI as a child process: when CHARBERT_RESOURCE_FILE is set, the
/// process writes its peak resident memory (bytes), CPU time (seconds, all threads) and the number of CPUs it may run
/// on there as it exits, which a parent cannot read once the child is gone.</summary>
public static class PeakMemoryReport
{
    public const string Variable = "CHARBERT_RESOURCE_FILE";

    public static void WriteIfRequested()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture,
            $"{self.PeakWorkingSet64} {Environment.CpuUsage.TotalTime.TotalSeconds:R} {Environment.ProcessorCount}"));
    }

    /// <summary>Reads what <see cref="WriteIfRequested"/> wrote.</summary>
    public static (long PeakRssBytes, double CpuSeconds, int Cpus) Read(string path)
    {
        var parts = File.ReadAllText(path).Split(' ');
        return (long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            int.Parse(parts[2], CultureInfo.InvariantCulture));
    }
}
