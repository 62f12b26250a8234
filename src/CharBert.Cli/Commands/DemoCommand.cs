using System.CommandLine;
using CharBert.Cli.Options;
using System.Globalization;
using CharBert.Experiments.Demo;
using CharBert.Experiments.Findings;
using CharBert.Text.Corpora;
using CharBert.Text.IO;
using CharBert.Training;

namespace CharBert.Cli.Commands;

/// <summary>`charbert demo`: the end-to-end robustness study on data the toolkit fetches itself (see DemoStudy).</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out") { Description = "Results folder", DefaultValueFactory = _ => Path.Combine("results", "demo") };
        var from = new Option<string>("--from")
        {
            Description = $"Pretrained encoder every model starts from: a built-in name ({DemoStudy.DefaultEncoder}), a BERT model directory or a hub id; " +
                          $"'{DemoStudy.Scratch}': the tiny from-scratch study",
            DefaultValueFactory = _ => DemoStudy.DefaultEncoder,
        };
        var scale = new Option<double>("--scale")
        {
            Description = "Multiplies data and training budget (1: 17 minutes measured on an idle 2-core CPU; smaller is quicker, larger trains more)",
            DefaultValueFactory = _ => 1.0,
        };
        var device = DeviceOption.Create();
        var cache = new Option<string?>("--cache") { Description = "Corpus cache folder (default: $CHARBERT_CACHE, else ~/.cache/charbert)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bars" };
        var dataOnly = new Option<bool>("--data-only")
        {
            Description = "Only fetch the corpora and write <out>/data (what experiments/demo*.json and the tuning sweeps read), then stop",
        };
        var command = new Command("demo",
            "End-to-end robustness study: adapt a pretrained encoder as BERT (MLM) and CharBERT (MLM + NLM), fine-tune BERT, AdvBERT and CharBERT " +
            "on Brown POS and spam, attack, evaluate over 3 seeds, sensitivity, charts, report with the drop ratio and its bootstrap interval");
        foreach (var option in new Option[] { output, from, scale, device, cache, quiet, dataOnly }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var started = DateTime.UtcNow;
            var corpusCache = parse.GetValue(cache) is { } dir ? new CorpusCache(Path.GetFullPath(dir)) : CorpusCache.Default();
            OutputFolder.RequireWritable(parse.GetValue(output)!);
            OutputFolder.RequireWritable(corpusCache.Root);
            var source = parse.GetValue(from)!;
            var factor = parse.GetValue(scale);
            var demoScale = source == DemoStudy.Scratch ? DemoScale.Scratch(factor) : DemoScale.Pretrained(factor);
            if (parse.GetValue(dataOnly))
            {
                var dataDir = DemoStudy.PrepareData(parse.GetValue(output)!, source, demoScale, corpusCache, Console.Out);
                Console.WriteLine($"data:     {dataDir}");
                return 0;
            }
            var outcome = DemoStudy.Run(parse.GetValue(output)!, source, demoScale, parse.GetValue(device)!,
                corpusCache, TrainingProgressDisplay.For(parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment), Console.Out);
            Console.WriteLine();
            foreach (var task in outcome.Findings.GroupBy(f => f.Task))
            {
                Console.WriteLine(string.Join("; ", task.Select(f => string.Create(CultureInfo.InvariantCulture,
                    $"{f.Task} {f.Variant}: {f.CleanMean:0.000} -> {f.AttackedMean:0.000} ({100 * f.DropMean:0.0} % drop)"))));
                if (task.FirstOrDefault(f => f.Variant == RobustnessReport.CharBertVariant) is { RatioToBaseline: not null } charbert)
                    Console.WriteLine("  " + RobustnessReport.Verdict(charbert).Replace("**", ""));
            }
            Console.WriteLine($"results:  {outcome.ResultsDir} (summary.csv, summary-mean-std.csv, robustness.csv, timings.csv, runs/)");
            Console.WriteLine($"charts:   {Path.Combine(outcome.ResultsDir, "charts")} ({outcome.Charts.Count} PNG + SVG)");
            Console.WriteLine($"report:   {outcome.ReportPath}");
            Console.WriteLine($"took {(DateTime.UtcNow - started).TotalMinutes:0.0} min");
            return 0;
        });
        return command;
    }
}
