using System.CommandLine;
using System.Globalization;
using CharBert.Modeling.Verification;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert verify-reference --fixture FILE [--tolerance 1e-5] [--json]`: re-computes every expected.* tensor
/// of a reference fixture made by the original CharBERT code; exit 0 only if all are within tolerance.
/// `charbert verify-reference --checkpoint DIR --expected FILE --key expected.NAME.logits [--weights F]`: loads a model
/// directory (config.json + model.safetensors or pytorch_model.bin, with or without task.json), runs FILE's input.*
/// tensors through it and compares its output with FILE's tensor KEY.</summary>
public static class VerifyReferenceCommand
{
    public static Command Create()
    {
        var fixture = new Option<FileInfo?>("--fixture") { Description = "reference fixture (.safetensors with input.*, model.*, head weights, expected.*)" };
        var checkpoint = new Option<DirectoryInfo?>("--checkpoint") { Description = "model directory to check: config.json + weights (model.safetensors, pytorch_model.bin, shards)" };
        var expected = new Option<FileInfo?>("--expected") { Description = "with --checkpoint: .safetensors holding the input.* tensors and the expected output" };
        var key = new Option<string?>("--key") { Description = "with --checkpoint: the expected tensor, e.g. expected.charbert-ner.logits" };
        var weights = new Option<string?>("--weights") { Description = "with --checkpoint: this weights file (in DIR or a path) instead of the one DIR resolves to" };
        var tolerance = new Option<double>("--tolerance") { Description = "max absolute difference allowed", DefaultValueFactory = _ => 1e-5 };
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var command = new Command("verify-reference", "Check the model against outputs of the original CharBERT code");
        foreach (var option in new Option[] { fixture, checkpoint, expected, key, weights, tolerance, json }) command.Options.Add(option);
        command.SetAction(parseResult =>
        {
            var report = parseResult.GetValue(checkpoint) is { } directory
                ? VerifyCheckpoint(directory, parseResult.GetValue(expected), parseResult.GetValue(key), parseResult.GetValue(weights),
                    parseResult.GetValue(tolerance), parseResult.GetValue(fixture) is not null)
                : VerifyFixture(parseResult.GetValue(fixture), parseResult.GetValue(tolerance));
            if (parseResult.GetValue(json)) Console.WriteLine(ReferenceVerifier.ToJson(report));
            else Print(report);
            return report.AllWithinTolerance ? 0 : CliRunner.ExitFailure;
        });
        return command;
    }

    private static ReferenceReport VerifyFixture(FileInfo? file, double tolerance)
    {
        if (file is null) throw new ArgumentException("give --fixture FILE, or --checkpoint DIR --expected FILE --key NAME");
        if (!file.Exists) throw new FileNotFoundException($"fixture not found: {file.FullName}");
        return ReferenceVerifier.Verify(file.FullName, tolerance);
    }

    private static ReferenceReport VerifyCheckpoint(DirectoryInfo directory, FileInfo? expected, string? key, string? weights, double tolerance, bool withFixture)
    {
        if (withFixture) throw new ArgumentException("--fixture and --checkpoint are two modes: give one of them");
        if (expected is null || key is null) throw new ArgumentException("--checkpoint needs --expected FILE and --key NAME (e.g. expected.charbert-ner.logits)");
        if (!expected.Exists) throw new FileNotFoundException($"expected-outputs file not found: {expected.FullName}");
        return CheckpointReferenceVerifier.Verify(directory.FullName, expected.FullName, key, tolerance, weights);
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
