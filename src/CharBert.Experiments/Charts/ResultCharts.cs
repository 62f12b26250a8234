using CharBert.Experiments.Results;
using ScottPlot;

namespace CharBert.Experiments.Charts;

/// <summary>Each chart is a pure function of result rows (never of a model): re-plotting never retrains.
/// Bars and bands show the mean over seeds ± one sample standard deviation.</summary>
public static class ResultCharts
{
    /// <summary>The paper's Table 3 as a chart: per model, the clean score next to each attack at one rate.</summary>
    public static Plot CleanVsAttacked(IReadOnlyList<AggregateRow> rows, string task, string metric, double rate)
    {
        var selected = rows.Where(r => r.Task == task && r.Metric == metric && (r.Attack == ResultRow.NoAttack || r.Rate == rate)).ToList();
        var variants = Distinct(selected.Select(r => r.Variant));
        var testSets = Distinct(selected.OrderBy(r => r.Attack == ResultRow.NoAttack ? 0 : 1).Select(r => r.TestSet));
        var plot = ChartStyle.NewPlot($"{task}: clean vs attacked (rate {rate:0.##})", "Model", $"{metric} (mean ± std over seeds)");
        ChartStyle.AddGroupedBars(plot, variants, testSets, (g, s) => Lookup(selected, variants[g], testSets[s]));
        plot.Axes.Margins(bottom: 0, top: 0.25);
        return plot;
    }

    /// <summary>Relative drop (clean − attacked) / clean in percent, per attack type, one bar per model.</summary>
    public static Plot RelativeDrop(IReadOnlyList<AggregateRow> rows, string task, string metric, double rate)
    {
        var selected = rows.Where(r => r.Task == task && r.Metric == metric).ToList();
        var attacks = Distinct(selected.Where(r => r.Attack != ResultRow.NoAttack && r.Rate == rate).Select(r => r.Attack));
        var variants = Distinct(selected.Select(r => r.Variant));
        var plot = ChartStyle.NewPlot($"{task}: relative drop under attack (rate {rate:0.##})", "Attack", $"Relative drop in {metric} (%)");
        ChartStyle.AddGroupedBars(plot, attacks, variants, (g, s) =>
        {
            var clean = selected.FirstOrDefault(r => r.Variant == variants[s] && r.Attack == ResultRow.NoAttack);
            var attacked = selected.FirstOrDefault(r => r.Variant == variants[s] && r.Attack == attacks[g] && r.Rate == rate);
            return clean == null || attacked == null || clean.Mean == 0
                ? (double.NaN, 0)
                : (100 * (clean.Mean - attacked.Mean) / clean.Mean, 0);
        });
        plot.Axes.Margins(bottom: 0, top: 0.25);
        return plot;
    }

    /// <summary>Metric against attack rate (rate 0 = clean) for one attack, one line per model with a ±std band.</summary>
    public static Plot MetricVsRate(IReadOnlyList<AggregateRow> rows, string task, string metric, string attack)
    {
        var selected = rows.Where(r => r.Task == task && r.Metric == metric && (r.Attack == attack || r.Attack == ResultRow.NoAttack)).ToList();
        var plot = ChartStyle.NewPlot($"{task}: {metric} vs rate of '{attack}' attack", "Attack rate (fraction of words edited)",
            $"{metric} (mean ± std over seeds)");
        var variants = Distinct(selected.Select(r => r.Variant));
        for (var v = 0; v < variants.Count; v++)
        {
            var points = selected.Where(r => r.Variant == variants[v]).OrderBy(r => r.Attack == ResultRow.NoAttack ? 0 : r.Rate).ToList();
            var xs = points.Select(r => r.Attack == ResultRow.NoAttack ? 0 : r.Rate).ToArray();
            var color = ChartStyle.SeriesColor(v);
            var band = plot.Add.FillY(xs, points.Select(r => r.Mean - r.Std).ToArray(), points.Select(r => r.Mean + r.Std).ToArray());
            band.FillColor = color.WithAlpha(0.2);
            band.LineWidth = 0;
            var line = plot.Add.Scatter(xs, points.Select(r => r.Mean).ToArray());
            line.Color = color;
            line.LineWidth = 2;
            line.MarkerSize = 7;
            line.LegendText = variants[v];
        }
        plot.ShowLegend(Alignment.LowerLeft);
        return plot;
    }

    /// <summary>Corpus sensitivity S per model on one attacked test set: over all, attacked and unattacked words.</summary>
    public static Plot SensitivityPerModel(IReadOnlyList<AggregateRow> rows, string task, string testSet)
    {
        string[] metrics = [MetricNames.Sensitivity, MetricNames.SensitivityAttacked, MetricNames.SensitivityUnattacked];
        string[] labels = ["all words", "attacked words", "unattacked words"];
        var selected = rows.Where(r => r.Task == task && r.TestSet == testSet && metrics.Contains(r.Metric)).ToList();
        var variants = Distinct(selected.Select(r => r.Variant));
        var plot = ChartStyle.NewPlot($"{task}: sensitivity on '{testSet}'", "Model", "S = mean(1 − cos), clean vs attacked word");
        ChartStyle.AddGroupedBars(plot, variants, labels, (g, s) => Lookup(selected, variants[g], testSet, metrics[s]));
        plot.Axes.Margins(bottom: 0, top: 0.25);
        return plot;
    }

    /// <summary>A task metric on whole words vs words split into subwords, per model, on one test set.</summary>
    public static Plot WordVsSubword(IReadOnlyList<AggregateRow> rows, string task, string baseMetric, string testSet)
    {
        string[] metrics = [baseMetric + MetricNames.WordSuffix, baseMetric + MetricNames.SubwordSuffix];
        string[] labels = ["whole words", "words split into subwords"];
        var selected = rows.Where(r => r.Task == task && r.TestSet == testSet && metrics.Contains(r.Metric)).ToList();
        var variants = Distinct(selected.Select(r => r.Variant));
        var plot = ChartStyle.NewPlot($"{task}: {baseMetric} by word type on '{testSet}'", "Model", $"{baseMetric} (mean ± std over seeds)");
        ChartStyle.AddGroupedBars(plot, variants, labels, (g, s) => Lookup(selected, variants[g], testSet, metrics[s]));
        plot.Axes.Margins(bottom: 0, top: 0.25);
        return plot;
    }

    /// <summary>Each variant's score minus the reference variant's, on the clean set and averaged over attacked sets.</summary>
    public static Plot AblationDeltas(IReadOnlyList<AggregateRow> rows, string task, string metric, string reference)
    {
        var selected = rows.Where(r => r.Task == task && r.Metric == metric).ToList();
        double Clean(string v) => selected.Where(r => r.Variant == v && r.Attack == ResultRow.NoAttack).Select(r => r.Mean).DefaultIfEmpty(double.NaN).Average();
        double Attacked(string v) => selected.Where(r => r.Variant == v && r.Attack != ResultRow.NoAttack).Select(r => r.Mean).DefaultIfEmpty(double.NaN).Average();
        var variants = Distinct(selected.Select(r => r.Variant)).Where(v => v != reference).ToList();
        string[] series = ["clean", "attacked (mean over attack sets)"];
        var plot = ChartStyle.NewPlot($"{task}: ablation, change vs '{reference}'", "Variant", $"Δ {metric} (difference of seed means)");
        ChartStyle.AddGroupedBars(plot, variants, series, (g, s) =>
            (s == 0 ? Clean(variants[g]) - Clean(reference) : Attacked(variants[g]) - Attacked(reference), double.NaN));
        plot.Add.HorizontalLine(0, 1, Colors.Black);
        plot.Axes.Margins(top: 0.25, bottom: 0.1);
        return plot;
    }

    /// <summary>Per-word 1 − cos for one sentence (the paper's Figure 8): x labels "clean→attacked", attacked words highlighted.</summary>
    public static Plot SentenceSensitivity(IReadOnlyList<SensitivityWordRow> words, string title, int chartWidth = ChartFile.DefaultWidth)
    {
        var ordered = words.OrderBy(w => w.WordIndex).ToList();
        var plot = ChartStyle.NewPlot(title, "Word (clean → attacked)", "1 − cos(clean, attacked)");
        var attackedColor = ChartStyle.SeriesColor(3);
        var cleanColor = ChartStyle.SeriesColor(0);
        plot.Add.Bars(ordered.Select((w, i) => new Bar
        {
            Position = i, Value = w.OneMinusCos, Size = 0.7, FillColor = w.Attacked ? attackedColor : cleanColor,
        }).ToList());
        ChartStyle.SetCategoryTicks(plot, ordered.Select(w => w.Attacked ? $"{w.CleanWord}→{w.AttackedWord}" : w.CleanWord).ToList(), chartWidth);
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "attacked word", FillColor = attackedColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "unchanged word", FillColor = cleanColor });
        plot.ShowLegend(Alignment.UpperRight);
        plot.Axes.Margins(bottom: 0, top: 0.25);
        return plot;
    }

    /// <summary>Training loss against step, one line per run.</summary>
    public static Plot TrainingCurves(IReadOnlyList<(string Label, IReadOnlyList<TrainingLogRow> Rows)> runs, string title)
    {
        var plot = ChartStyle.NewPlot(title, "Optimiser step", "Training loss");
        for (var i = 0; i < runs.Count; i++)
        {
            var line = plot.Add.Scatter(runs[i].Rows.Select(r => (double)r.Step).ToArray(), runs[i].Rows.Select(r => r.Loss).ToArray());
            line.Color = ChartStyle.SeriesColor(i);
            line.LineWidth = 2;
            line.MarkerSize = 0;
            line.LegendText = runs[i].Label;
        }
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    static List<string> Distinct(IEnumerable<string> values) => values.Distinct().ToList();

    static (double, double) Lookup(IEnumerable<AggregateRow> rows, string variant, string testSet, string? metric = null) =>
        rows.FirstOrDefault(r => r.Variant == variant && r.TestSet == testSet && (metric == null || r.Metric == metric)) is { } row
            ? (row.Mean, row.Std)
            : (double.NaN, 0);
}
