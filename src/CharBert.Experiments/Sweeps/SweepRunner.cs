using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Text.IO;
using CharBert.Training.Runs;
using ScottPlot;

namespace CharBert.Experiments.Sweeps;

/// <summary>One setting of a sweep on one task: the x value, its series (the other patched values) and CharBERT's drop
/// ratio to BERT with its bootstrap interval, next to both models' clean scores and relative drops.</summary>
public sealed record SweepRow(
    string Setting, string Series, string X, double? XValue, string Task, int Seeds,
    double BertClean, double BertDrop, double CharBertClean, double CharBertDrop, double Ratio, double Lower, double Upper);

public sealed class SweepRowMap : SnakeCaseMap<SweepRow>;

/// <summary>`charbert sweep`: runs the spec once per setting (each through the resumable ablation runner, into
/// &lt;out&gt;/&lt;setting&gt;/), then writes sweep.csv, sweep.md and a chart of CharBERT's drop ratio against the x setting
/// with 95 % bootstrap intervals. Settings already finished are skipped, so a sweep can grow.</summary>
public static class SweepRunner
{
    public const string CsvFile = "sweep.csv";
    public const string MarkdownFile = "sweep.md";

    public static IReadOnlyList<SweepRow> Run(SweepSpec sweep, string outDir, IReadOnlyList<ICellStep> steps, string command, TextWriter log,
        CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(outDir);
        var rows = new List<SweepRow>();
        foreach (var (name, patch) in sweep.Settings)
        {
            cancellation.ThrowIfCancellationRequested();
            log.WriteLine($"== setting {name}: {patch.ToJsonString()}");
            var spec = SpecLoader.Load(sweep.SpecPath, (JsonObject)patch.DeepClone(), $"setting '{name}'");
            var resultsDir = Path.Combine(outDir, name);
            new AblationRunner(spec, resultsDir, steps, command, log).Run(cancellation);
            var findings = RobustnessFindings.Compute(resultsDir);
            RobustnessReport.WriteCsv(resultsDir, findings);
            rows.AddRange(Rows(sweep, name, patch, SpecLoader.ToJson(spec), findings));
            Write(outDir, sweep, rows);
        }
        return rows;
    }

    static IEnumerable<SweepRow> Rows(SweepSpec sweep, string name, JsonObject patch, string resolvedSpec, IReadOnlyList<VariantRobustness> findings)
    {
        var series = string.Join(", ", SweepSpec.Leaves(patch).Where(sweep.DefinesSeries).Select(l => $"{l.Path}={l.Value}"));
        var x = Lookup(JsonNode.Parse(resolvedSpec), sweep.X);
        var xValue = double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : (double?)null;
        foreach (var charbert in findings.Where(f => f.Variant == RobustnessReport.CharBertVariant && f.RatioToBaseline is not null))
        {
            var bert = findings.Single(f => f.Task == charbert.Task && f.Variant == RobustnessFindings.Baseline);
            var r = charbert.RatioToBaseline!;
            yield return new SweepRow(name, series.Length == 0 ? "(spec)" : series, x, xValue, charbert.Task, charbert.Seeds,
                bert.CleanMean, bert.DropMean, charbert.CleanMean, charbert.DropMean, r.Ratio, r.Lower, r.Upper);
        }
    }

    /// <summary>The value at a dotted snake_case path of the resolved spec ("training.pretrain_steps").</summary>
    static string Lookup(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.')) node = node is JsonObject o ? o[part] : null;
        return node?.ToJsonString() ?? "null";
    }

    static void Write(string outDir, SweepSpec sweep, IReadOnlyList<SweepRow> rows)
    {
        TidyCsv.Write<SweepRow, SweepRowMap>(Path.Combine(outDir, CsvFile), rows);
        var charts = new List<string>();
        foreach (var task in rows.Select(r => r.Task).Distinct())
            if (rows.Any(r => r.Task == task && r.XValue is not null))
                charts.Add(ChartFile.Save(RatioChart(rows.Where(r => r.Task == task).ToList(), task, sweep.X), outDir, $"ratio-vs-{ChartFile.Slug(sweep.X)}-{ChartFile.Slug(task)}"));
        var md = new StringBuilder($"# Sweep over {sweep.X}").AppendLine().AppendLine();
        md.AppendLine("CharBERT's relative drop under the headline attack divided by BERT's (mean over seeds), with a 95 % paired bootstrap " +
                      $"interval over test sentences and seeds. Spec: `{sweep.SpecPath}`. Source: `{CsvFile}`.").AppendLine();
        md.AppendLine($"| setting | {sweep.X} | other settings | task | seeds | BERT clean | BERT drop | CharBERT clean | CharBERT drop | ratio [95 % interval] |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var r in rows)
            md.AppendLine($"| {r.Setting} | {r.X} | {r.Series} | {r.Task} | {r.Seeds} | {ReportNumbers.Ratio(r.BertClean)} | {ReportNumbers.Percent(r.BertDrop)} | {ReportNumbers.Ratio(r.CharBertClean)} | " +
                          $"{ReportNumbers.Percent(r.CharBertDrop)} | {ReportNumbers.Ratio(r.Ratio)} [{ReportNumbers.Ratio(r.Lower)}, {ReportNumbers.Ratio(r.Upper)}] |");
        md.AppendLine();
        foreach (var chart in charts) md.AppendLine($"![ratio]({Path.GetFileName(chart)})").AppendLine();
        AtomicFile.WriteAllText(Path.Combine(outDir, MarkdownFile), md.ToString());
    }

    /// <summary>Ratio against the x setting, one line per series, with the bootstrap interval as error bars and 1 (no
    /// difference) as a reference line.</summary>
    static Plot RatioChart(IReadOnlyList<SweepRow> rows, string task, string x)
    {
        var plot = ChartStyle.NewPlot($"{task}: CharBERT's relative drop / BERT's", x, "drop ratio (95 % bootstrap interval)");
        var series = rows.Where(r => r.XValue is not null).GroupBy(r => r.Series).ToList();
        for (var s = 0; s < series.Count; s++)
        {
            var points = series[s].OrderBy(r => r.XValue).ToList();
            var xs = points.Select(r => r.XValue!.Value).ToArray();
            var color = ChartStyle.SeriesColor(s);
            var line = plot.Add.Scatter(xs, points.Select(r => r.Ratio).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            if (series.Count > 1) line.LegendText = series[s].Key;
            ChartStyle.IntervalBars(plot, xs, points.Select(r => r.Ratio).ToArray(), points.Select(r => r.Lower).ToArray(),
                points.Select(r => r.Upper).ToArray(), color);
        }
        var one = plot.Add.HorizontalLine(1);
        one.LinePattern = LinePattern.Dashed;
        one.Color = Colors.Gray;
        if (series.Count > 1) plot.ShowLegend(Alignment.UpperRight); // one line needs no key (and gets no legend text)
        return plot;
    }
}
