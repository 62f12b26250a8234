using System.CommandLine;
using CharBert.Experiments.Charts;
using CharBert.Text.IO;

namespace CharBert.Cli.Commands;

/// <summary>`charbert plot --results DIR`: every chart the results folder has data for, as PNG + SVG in DIR/charts.
/// Reads only CSVs, so re-plotting never retrains.</summary>
public static class PlotCommand
{
    public static Command Create()
    {
        var results = new Option<DirectoryInfo>("--results") { Description = "Results folder (holds summary-mean-std.csv)", Required = true };
        var rate = new Option<double?>("--rate") { Description = "Attack rate for the per-rate charts (default: the highest in the results)" };
        var sentence = new Option<int?>("--sentence") { Description = "Sentence index for the per-word sensitivity chart (default: first attacked)" };
        var command = new Command("plot", "Charts from an experiment's result CSVs (PNG and SVG)");
        command.Options.Add(results);
        command.Options.Add(rate);
        command.Options.Add(sentence);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(results)!.FullName;
            if (Directory.Exists(dir)) OutputFolder.RequireWritable(dir);
            var charts = ResultPlotter.PlotAll(dir, parse.GetValue(rate), parse.GetValue(sentence));
            foreach (var chart in charts) Console.WriteLine(chart.PngPath);
            Console.WriteLine($"{charts.Count} chart(s) written (PNG + SVG)");
            return 0;
        });
        return command;
    }
}
