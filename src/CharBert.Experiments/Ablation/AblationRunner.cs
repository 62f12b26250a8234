using CharBert.Text.IO;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;

namespace CharBert.Experiments.Ablation;

/// <summary>How a run went: cells executed now, and cells skipped because summary.csv already had them.</summary>
public sealed record AblationRunSummary(IReadOnlyList<CellKey> Ran, IReadOnlyList<CellKey> Skipped);

/// <summary>Runs every cell of an experiment's grid through the steps, in order, and appends each finished
/// cell's rows to summary.csv in one atomic write. Resumable: cells already in summary.csv are skipped, so a
/// killed run continues where it stopped and only the interrupted cell is redone. Every step's wall and CPU time goes to
/// timings.csv; after each cell the log shows the time spent and an estimate of the time left, from
/// <paramref name="cellCost"/> (relative costs of the cells; default: equal).</summary>
public sealed class AblationRunner(ExperimentSpec spec, string resultsDir, IReadOnlyList<ICellStep> steps, string command, TextWriter? log = null,
    Func<GridCell, double>? cellCost = null)
{
    public const string ResolvedSpecFile = "spec.resolved.json";
    public const string RunsFolder = "runs";
    public const string AttacksFolder = "attacks";

    public SummaryStore Store { get; } = new(resultsDir);

    public AblationRunSummary Run(CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(resultsDir);
        AtomicFile.WriteAllText(Path.Combine(resultsDir, ResolvedSpecFile), SpecLoader.ToJson(spec));
        Store.RebuildMeanStd();
        var finished = Store.FinishedCells();
        var ran = new List<CellKey>();
        var skipped = new List<CellKey>();
        var cells = GridCell.Expand(spec);
        var cost = cellCost ?? (_ => 1.0);
        var remainingCost = cells.Where(c => !finished.Contains(c.Key)).Sum(cost);
        var (doneCost, clock) = (0.0, System.Diagnostics.Stopwatch.StartNew());
        for (var i = 0; i < cells.Count; i++)
        {
            var cell = cells[i];
            if (finished.Contains(cell.Key))
            {
                skipped.Add(cell.Key);
                log?.WriteLine($"[{i + 1}/{cells.Count}] {cell.Key}: already in {SummaryStore.SummaryFile}, skipped");
                continue;
            }
            cancellation.ThrowIfCancellationRequested();
            RunCell(cell, cancellation, $"[{i + 1}/{cells.Count}]");
            ran.Add(cell.Key);
            doneCost += cost(cell);
            var elapsed = clock.Elapsed;
            var left = doneCost > 0 ? TimeSpan.FromSeconds(elapsed.TotalSeconds / doneCost * (remainingCost - doneCost)) : TimeSpan.Zero;
            log?.WriteLine($"[{i + 1}/{cells.Count}] {cell.Key}: done; {Clock(elapsed)} so far, about {Clock(left)} left");
        }
        return new AblationRunSummary(ran, skipped);
    }

    static string Clock(TimeSpan t) => t.TotalHours >= 1 ? t.ToString(@"h\:mm\:ss") : t.ToString(@"m\:ss");

    public static string RunDirOf(string resultsDir, CellKey cell) =>
        Path.Combine(resultsDir, RunsFolder, cell.Variant, $"seed-{cell.Seed}", cell.Task);

    void RunCell(GridCell cell, CancellationToken cancellation, string progress)
    {
        var runDir = RunDirOf(resultsDir, cell.Key);
        var pretrain = PretrainPlan.For(spec, cell, resultsDir);
        Directory.CreateDirectory(runDir);
        CellEnvironment.Capture(command, spec.Training.Device, cell.Seed).Save(Path.Combine(runDir, CellEnvironment.FileName));
        var context = new CellContext(spec, cell, runDir, pretrain)
        {
            ResultsDir = resultsDir, AttacksDir = Path.Combine(resultsDir, AttacksFolder, cell.TaskName),
        };
        var timings = new StepTimings(resultsDir);
        foreach (var step in steps)
        {
            cancellation.ThrowIfCancellationRequested();
            log?.WriteLine($"{progress} {cell.Key}: {step.Name}");
            var (wall, cpu) = StepTimings.Measure(() => step.Run(context, cancellation));
            timings.Add(new StepTiming(cell.Variant, cell.Seed, cell.TaskName, step.Name, wall, cpu, DateTime.UtcNow));
        }
        Store.AppendCell(cell.Key, context.Rows);
    }
}
