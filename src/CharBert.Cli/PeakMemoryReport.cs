using System.Diagnostics;
using System.Globalization;

namespace CharBert.Cli;

/// <summary>For `charbert bench attack`, which runs the CLI as a child process: when CHARBERT_PEAK_RSS_FILE is set, the
/// process writes its peak resident memory (bytes) there as it exits. A parent cannot read it after the child ends.</summary>
public static class PeakMemoryReport
{
    public const string Variable = "CHARBERT_PEAK_RSS_FILE";

    public static void WriteIfRequested()
    {
        if (Environment.GetEnvironmentVariable(Variable) is not { Length: > 0 } path) return;
        using var self = Process.GetCurrentProcess();
        File.WriteAllText(path, self.PeakWorkingSet64.ToString(CultureInfo.InvariantCulture));
    }
}
