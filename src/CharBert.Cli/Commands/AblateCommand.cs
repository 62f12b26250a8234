using System.CommandLine;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Training;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Text.IO;

namespace CharBert.Cli.Commands;

/// <summary>`charbert ablate --spec FILE [--out DIR] [--dry-run]`: runs the spec's grid (variant × seed × task)
/// through pre-train → fine-tune → attack → evaluate → sensitivity, resumably; --dry-run prints the grid and
/// which cells are already finished.</summary>
public static class AblateCommand
{
    public static Command Create()
    {
        var spec = new Option<FileInfo>("--spec") { Description = "Experiment spec (JSON, e.g. experiments/demo.json)", Required = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Results folder (default: results/<spec name>)" };
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the grid and what is finished; run nothing" };
        var command = new Command("ablate", "Run an experiment grid (resumable): summary.csv, summary-mean-std.csv, run folders");
        command.Options.Add(spec);
        command.Options.Add(output);
        command.Options.Add(dryRun);
        var quiet = new Option<bool>("--quiet") { Description = "No progress bars (also when output is redirected or CI=true)" };
        command.Options.Add(quiet);
        command.SetAction(parse =>
        {
            var specPath = parse.GetValue(spec)!.FullName;
            var loaded = SpecLoader.Load(specPath);
            var resultsDir = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("results", loaded.Name));
            OutputFolder.RequireWritable(resultsDir);
            if (parse.GetValue(dryRun))
            {
                PrintPlan(loaded, resultsDir);
                return 0;
            }
            var quietRun = parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment;
            var summary = new AblationRunner(loaded, resultsDir, StandardSteps.Create(TrainingProgressDisplay.For(quietRun)), "charbert " + string.Join(' ', parse.Tokens.Select(t => t.Value)), Console.Out).Run();
            Console.WriteLine($"{summary.Ran.Count} cell(s) run, {summary.Skipped.Count} already finished; results in {resultsDir}");
            return 0;
        });
        return command;
    }

    static void PrintPlan(ExperimentSpec spec, string resultsDir)
    {
        var finished = new SummaryStore(resultsDir).FinishedCells();
        var cells = GridCell.Expand(spec);
        Console.WriteLine($"experiment '{spec.Name}': {spec.Models.Count} variant(s) × {spec.Seeds.Count} seed(s) × {spec.Tasks.Count} task(s) = {cells.Count} cell(s)");
        Console.WriteLine($"attacks: {string.Join(", ", spec.Attacks.Recipes.SelectMany(a => a.Value.Rates.Select(r => $"{a.Key}@{r}")))}");
        foreach (var cell in cells)
            Console.WriteLine($"  {(finished.Contains(cell.Key) ? "done   " : "pending")} {cell.Key}");
        Console.WriteLine($"results folder: {resultsDir}");
    }
}
