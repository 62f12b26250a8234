using System.CommandLine;
using System.Globalization;
using CharBert.Modeling.Verification;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert verify-reference --fixture FILE [--tolerance 1e-5] [--json]`: re-computes every expected.* tensor
/// of a reference fixture made by the original CharBERT code; exit 0 only if all are within tolerance.</summary>
public static class VerifyReferenceCommand
{
    public static Command Create()
    {
        var fixture = new Option<FileInfo>("--fixture") { Description = "reference fixture (.safetensors with input.*, model.*, head weights, expected.*)", Required = true };
        var tolerance = new Option<double>("--tolerance") { Description = "max absolute difference allowed", DefaultValueFactory = _ => 1e-5 };
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var command = new Command("verify-reference", "Check the model against outputs of the original CharBERT code");
        command.Options.Add(fixture);
        command.Options.Add(tolerance);
        command.Options.Add(json);
        command.SetAction(parseResult =>
        {
            var file = parseResult.GetValue(fixture)!;
            if (!file.Exists) throw new FileNotFoundException($"fixture not found: {file.FullName}");
            var report = ReferenceVerifier.Verify(file.FullName, parseResult.GetValue(tolerance));
            if (parseResult.GetValue(json)) Console.WriteLine(ReferenceVerifier.ToJson(report));
            else Print(report);
            return report.AllWithinTolerance ? 0 : CliRunner.ExitFailure;
        });
        return command;
    }

    private static void Print(ReferenceReport report)
    {
        var table = new Table().AddColumn("tensor").AddColumn(new TableColumn("max |diff|").RightAligned()).AddColumn("ok");
        foreach (var c in report.Comparisons)
            table.AddRow(Markup.Escape(c.Name),
                double.IsNaN(c.MaxAbsDiff) ? Markup.Escape(c.Problem ?? "-") : c.MaxAbsDiff.ToString("E2", CultureInfo.InvariantCulture),
                c.WithinTolerance ? "[green]yes[/]" : "[red]NO[/]");
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine(report.AllWithinTolerance
            ? $"[green]all {report.Comparisons.Count} tensors within {report.Tolerance:E1}[/]"
            : $"[red]{report.Comparisons.Count(c => !c.WithinTolerance)} of {report.Comparisons.Count} tensors outside {report.Tolerance:E1}[/]");
    }
}
