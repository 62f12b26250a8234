using System.Diagnostics;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Results;

/// <summary>One row of timings.csv: how long one step of one grid cell took, in wall-clock seconds and in CPU seconds
/// of this process (all threads). On a busy machine the wall time stretches with the load; the CPU time much less, so
/// it is the better basis for estimating what the step costs on an idle machine.</summary>
public sealed record StepTiming(string Variant, int Seed, string Task, string Step, double WallSeconds, double CpuSeconds, DateTime FinishedUtc);

public sealed class StepTimingMap : SnakeCaseMap<StepTiming>;

/// <summary>&lt;results&gt;/timings.csv, appended to after every step (rewritten atomically). A step that did nothing
/// because its output was already there (a resumed run) is recorded too, with its small cost.</summary>
public sealed class StepTimings(string resultsDir)
{
    public const string FileName = "timings.csv";
    public string Path { get; } = System.IO.Path.Combine(resultsDir, FileName);

    public IReadOnlyList<StepTiming> ReadAll() => File.Exists(Path) ? TidyCsv.Read<StepTiming, StepTimingMap>(Path) : [];

    public void Add(StepTiming timing) => TidyCsv.Write<StepTiming, StepTimingMap>(Path, ReadAll().Append(timing));

    /// <summary>Runs <paramref name="action"/> and returns its wall and process CPU seconds.</summary>
    public static (double Wall, double Cpu) Measure(Action action)
    {
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        action();
        process.Refresh();
        return (clock.Elapsed.TotalSeconds, (process.TotalProcessorTime - cpu).TotalSeconds);
    }
}
