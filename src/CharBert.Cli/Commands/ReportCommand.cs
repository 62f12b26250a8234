using System.CommandLine;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Reporting;
using CharBert.Text.IO;

namespace CharBert.Cli.Commands;

/// <summary>`charbert report --results DIR`: re-draws the charts, then writes DIR/report.md (tables, charts,
/// commands and versions from the run directories).</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var results = new Option<DirectoryInfo>("--results") { Description = "Results folder (holds summary-mean-std.csv)", Required = true };
        var command = new Command("report", "Markdown report of an experiment: mean ± std tables, charts, provenance");
        command.Options.Add(results);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(results)!.FullName;
            if (!Directory.Exists(dir)) throw new UserFacingException($"{dir}: results folder not found");
            OutputFolder.RequireWritable(dir);
            var path = MarkdownReport.Write(dir, ResultPlotter.PlotAll(dir));
            Console.WriteLine(path);
            return 0;
        });
        return command;
    }
}
