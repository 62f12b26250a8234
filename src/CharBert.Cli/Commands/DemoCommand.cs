using System.CommandLine;
using CharBert.Cli.Options;
using System.Globalization;
using CharBert.Experiments.Demo;
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
        var scale = new Option<double>("--scale") { Description = "Multiplies data and training budget (1 = about ten minutes on a 2-core CPU)", DefaultValueFactory = _ => 1.0 };
        var device = DeviceOption.Create();
        var cache = new Option<string?>("--cache") { Description = "Corpus cache folder (default: $CHARBERT_CACHE, else ~/.cache/charbert)" };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bars" };
        var command = new Command("demo", "End-to-end demo: fetch data, pre-train tiny BERT and CharBERT, fine-tune, attack, evaluate, sensitivity, charts, report");
        foreach (var option in new Option[] { output, scale, device, cache, quiet }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var started = DateTime.UtcNow;
            var corpusCache = parse.GetValue(cache) is { } dir ? new CorpusCache(Path.GetFullPath(dir)) : CorpusCache.Default();
            OutputFolder.RequireWritable(parse.GetValue(output)!);
            OutputFolder.RequireWritable(corpusCache.Root);
            var outcome = DemoStudy.Run(parse.GetValue(output)!, DemoScale.Times(parse.GetValue(scale)), parse.GetValue(device)!,
                corpusCache, parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment, Console.Out);
            Console.WriteLine();
            foreach (var f in outcome.Findings)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{f.Task}: BERT {f.BertClean:0.000} -> {f.BertAttacked:0.000} attacked; CharBERT {f.CharBertClean:0.000} -> {f.CharBertAttacked:0.000}" +
                    $" ({(f.CharBertMoreRobust ? "CharBERT loses less" : "CharBERT does not lose less")}" +
                    $"{(f.CharBertBetterUnderAttack ? "; it scores higher under attack" : "")})"));
            Console.WriteLine($"results:  {outcome.ResultsDir} (summary.csv, summary-mean-std.csv, runs/)");
            Console.WriteLine($"charts:   {Path.Combine(outcome.ResultsDir, "charts")} ({outcome.Charts.Count} PNG + SVG)");
            Console.WriteLine($"report:   {outcome.ReportPath}");
            Console.WriteLine($"took {(DateTime.UtcNow - started).TotalMinutes:0.0} min");
            return 0;
        });
        return command;
    }
}
