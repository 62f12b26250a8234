using CharBert.Text.IO;
using System.Globalization;
using System.Text;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Charts;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Results;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Reporting;

/// <summary>Writes &lt;results&gt;/report.md: mean ± std tables from summary-mean-std.csv, the charts (relative
/// links), and the commands and versions recorded in the grid cells' cell-environment.json files.</summary>
public static class MarkdownReport
{
    public const string FileName = "report.md";
    /// <summary>The variant the word/subword gains subtract (the paper compares CharBERT with BERT), when present;
    /// otherwise the first variant in summary.csv.</summary>
    public const string SplitGainBaseline = "bert";

    /// <summary>How every number is printed, in tables and in the test that checks them against the CSV.</summary>
    public static string FormatNumber(double value) => value.ToString("0.0000", CultureInfo.InvariantCulture);

    /// <summary>One seed has no spread: its cell shows the value alone rather than a misleading "± 0".</summary>
    public static string MeanStd(double mean, double std, int n) =>
        n > 1 ? $"{FormatNumber(mean)} ± {FormatNumber(std)} (n={n})" : $"{FormatNumber(mean)} (n={n})";

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
        if (File.Exists(store.SummaryPath))
        {
            var findings = RobustnessFindings.Compute(resultsDir);
            RobustnessReport.WriteCsv(resultsDir, findings);
            md.Append(RobustnessReport.ToMarkdown(findings));
        }

        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var taskRows = rows.Where(r => r.Task == task).ToList();
            foreach (var metric in taskRows.Select(r => r.Metric).Distinct())
            {
                md.AppendLine($"## {task}: {metric}").AppendLine();
                AppendTable(md, taskRows.Where(r => r.Metric == metric).ToList());
            }
        }

        AppendSubwordSplit(md, SubwordSplitTable.Read(resultsDir));
        if (File.Exists(store.SummaryPath)) AppendSplitGains(md, store.ReadAll());

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
                ? MeanStd(a.Mean, a.Std, a.N)
                : "–");
            md.AppendLine($"| {variant} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
    }

    /// <summary>The corpus side of the word-vs-subword analysis; variants whose tokenizers split a test set identically share a row.</summary>
    static void AppendSubwordSplit(StringBuilder md, IReadOnlyList<SubwordSplitRow> rows)
    {
        if (rows.Count == 0) return;
        md.AppendLine("## Words the tokenizer splits (clean test sets)").AppendLine();
        md.AppendLine("A word is split when the tokenizer cuts it into two or more subwords; an entity is split when any of its words is " +
                      $"(the paper: 17.8% of CoNLL-2003 test words, 45.3% of its entities). Source: `{SubwordSplitTable.FileName}`.").AppendLine();
        md.AppendLine("| task | variants | words split | entities split | entity words split |").AppendLine("|---|---|---|---|---|");
        static string Part(int? part, int? whole) => part is { } p && whole is { } w
            ? string.Create(CultureInfo.InvariantCulture, $"{p} / {w} ({(w == 0 ? 0 : 100.0 * p / w):0.0}%)") : "–";
        foreach (var group in rows.GroupBy(r => r.Counts))
        {
            var r = group.First();
            md.AppendLine($"| {r.Task} | {string.Join(", ", group.Select(g => g.Variant))} | {Part(r.SplitWords, r.Words)} | " +
                          $"{Part(r.SplitEntities, r.Entities)} | {Part(r.SplitEntityWords, r.EntityWords)} |");
        }
        md.AppendLine();
    }

    static void AppendSplitGains(StringBuilder md, IReadOnlyList<ResultRow> rows)
    {
        var variants = rows.Select(r => r.Variant).Distinct().ToList();
        if (variants.Count < 2) return;
        var baseline = variants.Contains(SplitGainBaseline) ? SplitGainBaseline : variants[0];
        var gains = SplitGains.Compute(rows, baseline);
        if (gains.Count == 0) return;
        md.AppendLine($"## Word vs subword: gain over {baseline}").AppendLine();
        md.AppendLine($"Each cell: the variant's score minus {baseline}'s on the same seed, mean ± sample standard deviation over seeds " +
                      "(n seeds). \"word\": words the tokenizer keeps whole; \"subword\": words it splits. " +
                      $"Source: `{SummaryStore.SummaryFile}`.").AppendLine();
        md.AppendLine("| task | test set | metric | variant | " + string.Join(" | ", SplitGains.Subsets) + " |");
        md.AppendLine("|---|---|---|---|" + string.Concat(SplitGains.Subsets.Select(_ => "---|")));
        foreach (var group in gains.GroupBy(g => (g.Task, g.TestSet, g.Metric, g.Variant)))
        {
            var cells = SplitGains.Subsets.Select(subset => group.FirstOrDefault(g => g.Subset == subset) is { } g
                ? MeanStd(g.Mean, g.Std, g.N) : "–");
            md.AppendLine($"| {group.Key.Task} | {group.Key.TestSet} | {group.Key.Metric} | {group.Key.Variant} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
    }

    static void AppendProvenance(StringBuilder md, string resultsDir)
    {
        var runsDir = Path.Combine(resultsDir, AblationRunner.RunsFolder);
        var records = Directory.Exists(runsDir)
            ? Directory.EnumerateFiles(runsDir, CellEnvironment.FileName, SearchOption.AllDirectories).Order().Select(EnvironmentRecord.Load).ToList()
            : [];
        md.AppendLine("## How these results were produced").AppendLine();
        if (records.Count == 0)
        {
            md.AppendLine($"No `{CellEnvironment.FileName}` found under `{AblationRunner.RunsFolder}/`.").AppendLine();
            return;
        }
        md.AppendLine("Commands:").AppendLine().AppendLine("```");
        foreach (var command in records.Select(r => r.Command).Distinct()) md.AppendLine(command);
        md.AppendLine("```").AppendLine();
        md.AppendLine("| tool / library | version(s) |").AppendLine("|---|---|");
        void Row(string name, IEnumerable<string> values) => md.AppendLine($"| {name} | {string.Join(", ", values.Distinct())} |");
        Row("charbert", records.Select(r => r.ToolVersion));
        Row("TorchSharp", records.Select(r => r.TorchSharpVersion));
        Row("libtorch", records.Select(r => r.LibTorchVersion));
        foreach (var library in records.SelectMany(r => r.Libraries.Keys).Distinct().Order())
            Row(library, records.Where(r => r.Libraries.ContainsKey(library)).Select(r => r.Libraries[library]));
        Row("runtime", records.Select(r => r.Runtime));
        Row("OS", records.Select(r => r.Os));
        Row("device", records.Select(r => r.Device));
        Row("CUDA available", records.Select(r => r.CudaAvailable ? "yes" : "no"));
        Row("machine", records.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.MachineName} ({r.ProcessorCount} processors)")));
        Row("seeds", records.Select(r => r.Seed.ToString(CultureInfo.InvariantCulture)));
        md.AppendLine();
    }
}
