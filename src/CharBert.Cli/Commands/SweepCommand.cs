using System.CommandLine;
using System.Globalization;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Sweeps;
using CharBert.Training;

namespace CharBert.Cli.Commands;

/// <summary>`charbert sweep --sweep FILE [--out DIR]`: one experiment spec under several settings (merge patches), each run
/// resumably; sweep.csv / sweep.md / a chart of CharBERT's drop ratio to BERT against the sweep's x setting.</summary>
public static class SweepCommand
{
    public static Command Create()
    {
        var sweep = new Option<FileInfo>("--sweep") { Description = "Sweep file: { \"spec\": ..., \"x\": \"training.pretrain_steps\", \"settings\": { name: patch } }", Required = true };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Results folder (default: results/<sweep file name>)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bars (also when output is redirected or CI=true)" };
        var command = new Command("sweep", "Run a spec under several settings and chart CharBERT's drop ratio to BERT against one of them");
        foreach (var option in new Option[] { sweep, output, quiet }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var file = parse.GetValue(sweep)!.FullName;
            var spec = SweepSpec.Load(file);
            var outDir = parse.GetValue(output)?.FullName ?? Path.GetFullPath(Path.Combine("results", Path.GetFileNameWithoutExtension(file)));
            var isQuiet = parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment;
            var rows = SweepRunner.Run(spec, outDir, StandardSteps.Create(TrainingProgressDisplay.For(isQuiet)), "charbert " + string.Join(' ', parse.Tokens.Select(t => t.Value)), Console.Out);
            foreach (var row in rows)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{row.Setting} {row.Task}: ratio {row.Ratio:0.000} [{row.Lower:0.000}, {row.Upper:0.000}] (BERT drop {100 * row.BertDrop:0.0} %, CharBERT {100 * row.CharBertDrop:0.0} %)"));
            Console.WriteLine($"results: {outDir} ({SweepRunner.CsvFile}, {SweepRunner.MarkdownFile}, charts)");
            return 0;
        });
        return command;
    }
}
