using CharBert.Experiments.Results;

namespace CharBert.Experiments.Charts;

/// <summary>One written chart: its title and PNG path (an SVG sits beside it).</summary>
public sealed record ChartOutput(string Title, string PngPath);

/// <summary>Renders every chart the results folder has data for into &lt;results&gt;/charts: reads only the CSVs
/// (summary-mean-std.csv, sensitivity-words.csv files, training logs), so re-plotting never retrains.</summary>
public static class ResultPlotter
{
    public const string ChartsFolder = "charts";
    public const string SensitivityWordsFile = "sensitivity-words.csv";
    public const string TrainingLogFile = "train_log.csv"; // written by CharBert.Training.Runs.TrainingLog
    /// <summary>The variant the ablation-delta charts subtract (the full model), when present.</summary>
    public const string AblationReference = "charbert";

    /// <param name="rate">Attack rate for the per-rate charts; null picks the highest rate in the results.</param>
    /// <param name="sentence">Sentence index for the per-word sensitivity chart; null picks the first sentence with an attacked word.</param>
    public static IReadOnlyList<ChartOutput> PlotAll(string resultsDir, double? rate = null, int? sentence = null)
    {
        if (!Directory.Exists(resultsDir)) throw new DirectoryNotFoundException($"{resultsDir}: results folder not found");
        var outDir = Path.Combine(resultsDir, ChartsFolder);
        var charts = new List<ChartOutput>();
        void Add(ScottPlot.Plot plot, string name, int width = ChartFile.DefaultWidth, int height = ChartFile.DefaultHeight) =>
            charts.Add(new ChartOutput(plot.Axes.Title.Label.Text, ChartFile.Save(plot, outDir, name, width, height)));

        var store = new SummaryStore(resultsDir);
        if (File.Exists(store.MeanStdPath) || File.Exists(store.SummaryPath))
        {
            var rows = File.Exists(store.MeanStdPath) ? store.ReadMeanStd() : Aggregation.OverSeeds(store.ReadAll());
            PlotSummary(rows, rate, Add);
        }
        foreach (var file in Directory.EnumerateFiles(resultsDir, SensitivityWordsFile, SearchOption.AllDirectories).Order())
        {
            var words = TidyCsv.Read<SensitivityWordRow, SensitivityWordRowMap>(file);
            var chosen = sentence ?? words.Where(w => w.Attacked).Select(w => w.Sentence).DefaultIfEmpty(words.FirstOrDefault()?.Sentence ?? 0).First();
            var sentenceWords = words.Where(w => w.Sentence == chosen).ToList();
            if (sentenceWords.Count == 0) continue;
            var where = Path.GetRelativePath(resultsDir, Path.GetDirectoryName(file)!);
            var width = Math.Max(ChartFile.DefaultWidth, 70 * sentenceWords.Count);
            Add(ResultCharts.SentenceSensitivity(sentenceWords, where == "." ? $"Per-word sensitivity, sentence {chosen}"
                    : $"Per-word sensitivity, sentence {chosen} ({where})", width),
                where == "." ? $"sensitivity-words-s{chosen}" : $"sensitivity-words-{ChartFile.Slug(where)}-s{chosen}", width);
        }
        var logs = Directory.EnumerateFiles(resultsDir, TrainingLogFile, SearchOption.AllDirectories).Order()
            .Select(f => (Label: Path.GetRelativePath(resultsDir, Path.GetDirectoryName(f)!), Rows: TidyCsv.Read<TrainingLogRow, TrainingLogRowMap>(f)))
            .Where(l => l.Rows.Count > 0).ToList();
        if (logs.Count > 0) Add(ResultCharts.TrainingCurves(logs, "Training loss"), "training-curves");
        return charts;
    }

    static void PlotSummary(IReadOnlyList<AggregateRow> rows, double? rate, Action<ScottPlot.Plot, string, int, int> add)
    {
        void Add(ScottPlot.Plot p, string name) => add(p, name, ChartFile.DefaultWidth, ChartFile.DefaultHeight);
        var attacked = rows.Where(r => r.Attack != ResultRow.NoAttack).ToList();
        var chartRate = rate ?? (attacked.Count > 0 ? attacked.Max(r => r.Rate) : 0);
        foreach (var task in rows.Select(r => r.Task).Distinct())
        {
            var taskRows = rows.Where(r => r.Task == task).ToList();
            var slug = ChartFile.Slug(task);
            foreach (var metric in taskRows.Select(r => r.Metric).Where(MetricNames.IsTaskMetric).Distinct())
            {
                var metricRows = taskRows.Where(r => r.Metric == metric).ToList();
                var hasAttackAtRate = metricRows.Any(r => r.Attack != ResultRow.NoAttack && r.Rate == chartRate);
                Add(ResultCharts.CleanVsAttacked(rows, task, metric, chartRate), $"clean-vs-attacked-{slug}-{metric}");
                if (hasAttackAtRate) Add(ResultCharts.RelativeDrop(rows, task, metric, chartRate), $"relative-drop-{slug}-{metric}");
                foreach (var attack in metricRows.Where(r => r.Attack != ResultRow.NoAttack).GroupBy(r => r.Attack)
                             .Where(g => g.Select(r => r.Rate).Distinct().Count() > 1).Select(g => g.Key))
                    Add(ResultCharts.MetricVsRate(rows, task, metric, attack), $"rate-{slug}-{metric}-{ChartFile.Slug(attack)}");
                var variants = metricRows.Select(r => r.Variant).Distinct().ToList();
                if (variants.Count > 1)
                    Add(ResultCharts.AblationDeltas(rows, task, metric, variants.Contains(AblationReference) ? AblationReference : variants[0]),
                        $"ablation-deltas-{slug}-{metric}");
                foreach (var testSet in taskRows.Where(r => r.Metric == metric + MetricNames.WordSuffix).Select(r => r.TestSet).Distinct())
                    if (testSet == "clean" || taskRows.Any(r => r.TestSet == testSet && r.Rate == chartRate))
                        Add(ResultCharts.WordVsSubword(rows, task, metric, testSet), $"word-vs-subword-{slug}-{metric}-{ChartFile.Slug(testSet)}");
            }
            foreach (var testSet in taskRows.Where(r => r.Metric == MetricNames.Sensitivity && r.Rate == chartRate).Select(r => r.TestSet).Distinct())
                Add(ResultCharts.SensitivityPerModel(rows, task, testSet), $"sensitivity-{slug}-{ChartFile.Slug(testSet)}");
        }
    }
}
