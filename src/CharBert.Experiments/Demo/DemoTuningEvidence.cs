using System.Text;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Results;
using CharBert.Experiments.Sweeps;

namespace CharBert.Experiments.Demo;

/// <summary>The demo report's "What else was tried" section: the runs that vary the paper's method settings on the POS
/// dev sentences, read from their default results folders beside the demo's (results/demo-steps from
/// <c>charbert sweep --sweep experiments/demo-steps.json</c>, results/demo-tuning from
/// <c>charbert ablate --spec experiments/demo-tuning.json</c> then <c>charbert report</c>), or how to run them.</summary>
public static class DemoTuningEvidence
{
    public const string StepsFolder = "demo-steps", VariantsFolder = "demo-tuning";

    public static string ToMarkdown(string demoResultsDir)
    {
        var parent = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(demoResultsDir)))!;
        var sweepCsv = Path.Combine(parent, StepsFolder, SweepRunner.CsvFile);
        var variantsCsv = Path.Combine(parent, VariantsFolder, RobustnessFindings.CsvFile);
        var md = new StringBuilder().AppendLine("## What else was tried").AppendLine();
        md.AppendLine("Settings of the paper's method, each compared with BERT adapted for the same steps, on the POS *dev* sentences " +
                      "(clean and charbert2020-attacked) so that nothing is chosen on this report's test set.").AppendLine();
        if (File.Exists(sweepCsv))
        {
            var rows = TidyCsv.Read<SweepRow, SweepRowMap>(sweepCsv).Where(r => r.Task == DemoNotes.TargetTask).OrderBy(r => r.XValue).ToList();
            md.AppendLine($"Adaptation length (`{Relative(parent, sweepCsv)}`):").AppendLine();
            md.AppendLine("| adaptation steps | seeds | BERT clean | BERT drop | CharBERT clean | CharBERT drop | drop ratio [95 % interval] |");
            md.AppendLine("|---|---|---|---|---|---|---|");
            foreach (var r in rows)
                md.AppendLine($"| {r.X} | {r.Seeds} | {ReportNumbers.Ratio(r.BertClean)} | {ReportNumbers.Percent(r.BertDrop)} | {ReportNumbers.Ratio(r.CharBertClean)} | {ReportNumbers.Percent(r.CharBertDrop)} | " +
                              $"{ReportNumbers.Ratio(r.Ratio)} [{ReportNumbers.Ratio(r.Lower)}, {ReportNumbers.Ratio(r.Upper)}] |");
            var chart = Directory.GetFiles(Path.GetDirectoryName(sweepCsv)!, $"ratio-vs-*-{DemoNotes.TargetTask}.png").FirstOrDefault();
            if (chart is not null) md.AppendLine().AppendLine($"![drop ratio against adaptation steps](../{StepsFolder}/{Path.GetFileName(chart)})");
            md.AppendLine();
        }
        else md.AppendLine($"- Adaptation length: not run; `charbert sweep --sweep experiments/demo-steps.json` writes results/{StepsFolder}.");
        if (File.Exists(variantsCsv))
        {
            var rows = TidyCsv.Read<RobustnessRow, RobustnessRowMap>(variantsCsv)
                .Where(r => r.Task == DemoNotes.TargetTask && r.DropRatio is not null).ToList();
            md.AppendLine($"NLM noise and a frozen first phase (`{Relative(parent, variantsCsv)}`):").AppendLine();
            md.AppendLine("| variant | seeds | clean | relative drop | drop ratio to BERT [95 % interval] |");
            md.AppendLine("|---|---|---|---|---|");
            foreach (var r in rows)
                md.AppendLine($"| {r.Variant} | {r.Seeds} | {ReportNumbers.Ratio(r.CleanMean)} | {ReportNumbers.Percent(r.RelativeDropMean)} | " +
                              $"{ReportNumbers.Ratio(r.DropRatio!.Value)} [{ReportNumbers.Ratio(r.DropRatioLower!.Value)}, {ReportNumbers.Ratio(r.DropRatioUpper!.Value)}] |");
            md.AppendLine();
        }
        else md.AppendLine($"- NLM noise and a frozen first phase: not run; `charbert ablate --spec experiments/demo-tuning.json` then " +
                           $"`charbert report --results results/{VariantsFolder}` write results/{VariantsFolder}.");
        md.AppendLine();
        md.AppendLine("Re-running `charbert demo` after those runs (its finished cells are kept) brings their numbers into this section.");
        return md.AppendLine().ToString();
    }

    static string Relative(string parent, string path) => Path.Combine(Path.GetFileName(parent), Path.GetRelativePath(parent, path));
}
