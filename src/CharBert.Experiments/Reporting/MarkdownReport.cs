using CharBert.Text.IO;
using System.Globalization;
using System.Text;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Results;

namespace CharBert.Experiments.Reporting;

/// <summary>Writes &lt;results&gt;/report.md: mean ± std tables from summary-mean-std.csv, the charts (relative
/// links), and the commands and versions recorded in the run directories' environment.json files.</summary>
public static class MarkdownReport
{
    public const string FileName = "report.md";

    /// <summary>How every number is printed, in tables and in the test that checks them against the CSV.</summary>
    public static string FormatNumber(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    public static string Write(string resultsDir, IReadOnlyList<ChartOutput> charts)
    {
        var store = new SummaryStore(resultsDir);
        var rows = File.Exists(store.MeanStdPath) ? store.ReadMeanStd()
            : File.Exists(store.SummaryPath) ? Aggregation.OverSeeds(store.ReadAll())
            : throw new FileNotFoundException($"{store.MeanStdPath}: no results to report (run `charbert ablate` first)");
        var md = new StringBuilder();
        md.AppendLine($"# Experiment: {Path.GetFileName(Path.GetFullPath(resultsDir).TrimEnd(Path.DirectorySeparatorChar))}").AppendLine();
        md.AppendLine("Cells show mean ± sample standard deviation over seeds, with the number of seeds n. " +
                      $"Source: `{SummaryStore.MeanStdFile}`.").AppendLine();

        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var taskRows = rows.Where(r => r.Task == task).ToList();
            foreach (var metric in taskRows.Select(r => r.Metric).Distinct())
            {
                md.AppendLine($"## {task}: {metric}").AppendLine();
                AppendTable(md, taskRows.Where(r => r.Metric == metric).ToList());
            }
        }

        if (charts.Count > 0)
        {
            md.AppendLine("## Charts").AppendLine();
            foreach (var chart in charts)
                md.AppendLine($"![{chart.Title}]({Path.GetRelativePath(resultsDir, chart.PngPath).Replace('\\', '/')})").AppendLine();
        }

        AppendProvenance(md, resultsDir);
        var path = Path.Combine(resultsDir, FileName);
        AtomicFile.WriteAllText(path, md.ToString());
        return path;
    }

    /// <summary>Rows = variants, columns = test sets (clean first).</summary>
    static void AppendTable(StringBuilder md, IReadOnlyList<AggregateRow> rows)
    {
        var testSets = rows.OrderBy(r => r.Attack == ResultRow.NoAttack ? 0 : 1).ThenBy(r => r.Attack, StringComparer.Ordinal)
            .ThenBy(r => r.Rate).Select(r => r.TestSet).Distinct().ToList();
        md.AppendLine("| variant | " + string.Join(" | ", testSets) + " |");
        md.AppendLine("|---|" + string.Concat(testSets.Select(_ => "---|")));
        foreach (var variant in rows.Select(r => r.Variant).Distinct())
        {
            var cells = testSets.Select(t => rows.FirstOrDefault(r => r.Variant == variant && r.TestSet == t) is { } a
                ? $"{FormatNumber(a.Mean)} ± {FormatNumber(a.Std)} (n={a.N})"
                : "–");
            md.AppendLine($"| {variant} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
    }

    static void AppendProvenance(StringBuilder md, string resultsDir)
    {
        var runsDir = Path.Combine(resultsDir, AblationRunner.RunsFolder);
        var records = Directory.Exists(runsDir)
            ? Directory.EnumerateFiles(runsDir, EnvironmentRecord.FileName, SearchOption.AllDirectories).Order()
                .Select(f => EnvironmentRecord.FromJson(File.ReadAllText(f))).ToList()
            : [];
        md.AppendLine("## How these results were produced").AppendLine();
        if (records.Count == 0)
        {
            md.AppendLine($"No `{EnvironmentRecord.FileName}` found under `{AblationRunner.RunsFolder}/`.").AppendLine();
            return;
        }
        md.AppendLine("Commands:").AppendLine().AppendLine("```");
        foreach (var command in records.Select(r => r.Command).Distinct()) md.AppendLine(command);
        md.AppendLine("```").AppendLine();
        md.AppendLine("| tool / library | version(s) |").AppendLine("|---|---|");
        void Row(string name, IEnumerable<string> values) => md.AppendLine($"| {name} | {string.Join(", ", values.Distinct())} |");
        Row("charbert", records.Select(r => r.ToolVersion));
        foreach (var library in records.SelectMany(r => r.Libraries.Keys).Distinct().Order())
            Row(library, records.Where(r => r.Libraries.ContainsKey(library)).Select(r => r.Libraries[library]));
        Row("runtime", records.Select(r => r.Runtime));
        Row("OS", records.Select(r => r.Os));
        Row("device", records.Select(r => r.Device));
        Row("seeds", records.Select(r => r.Seed.ToString(CultureInfo.InvariantCulture)));
        md.AppendLine();
    }
}
