using System.Diagnostics;

namespace CharBert.Modeling.Benchmarks;

/// <summary>The process's resident memory (RSS) for benchmarks: current and peak (Linux: VmRSS / VmHWM of
/// /proc/self/status; elsewhere the working set), and a reset of the peak where Linux allows it.</summary>
public static class ProcessMemory
{
    private const string Status = "/proc/self/status";

    public static double PeakRssMb() => StatusMb("VmHWM:") ?? Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);

    public static double RssMb() => StatusMb("VmRSS:") ?? Environment.WorkingSet / (1024.0 * 1024.0);

    /// <summary>Sets the peak to the current RSS (writes 5 to /proc/self/clear_refs); false where that is not possible,
    /// and the peak then covers the whole process so far.</summary>
    public static bool TryResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
    }

    private static double? StatusMb(string field)
    {
        if (!File.Exists(Status)) return null;
        var line = File.ReadLines(Status).FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], out var kb) ? kb / 1024.0 : null;
    }
}
