using ScottPlot;

namespace CharBert.Experiments.Charts;

/// <summary>Shared look: one colour per series (Category10), readable fonts, grouped-bar geometry, interval bars.</summary>
public static class ChartStyle
{
    static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    public static Color SeriesColor(int index) => Palette.GetColor(index);

    /// <summary>Vertical error bars from <paramref name="lower"/> to <paramref name="upper"/> around each y (an
    /// interval that need not be symmetric, e.g. a bootstrap percentile interval); an infinite bound draws no bar on
    /// that side.</summary>
    public static ScottPlot.Plottables.ErrorBar IntervalBars(Plot plot, IReadOnlyList<double> xs, IReadOnlyList<double> ys,
        IReadOnlyList<double> lower, IReadOnlyList<double> upper, Color color)
    {
        static double Extent(double from, double to) => double.IsFinite(to) ? Math.Abs(to - from) : 0;
        // set by name: the constructor's positive/negative argument order is easy to get backwards
        var bars = new ScottPlot.Plottables.ErrorBar(xs, ys, null, null, null, null)
        {
            YErrorNegative = ys.Select((y, i) => Extent(y, lower[i])).ToArray(),
            YErrorPositive = ys.Select((y, i) => Extent(y, upper[i])).ToArray(),
            Color = color,
        };
        plot.Add.Plottable(bars);
        return bars;
    }

    public static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title, size: 20);
        plot.XLabel(xLabel, size: 16);
        plot.YLabel(yLabel, size: 16);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 13;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>Vertical bars in groups: group g, series s sits at g + offset(s); the x axis shows group names.
    /// values[g][s] is (mean, error); NaN means "no bar".</summary>
    public static void AddGroupedBars(Plot plot, IReadOnlyList<string> groups, IReadOnlyList<string> series,
        Func<int, int, (double Value, double Error)> valueAt)
    {
        const double groupWidth = 0.8;
        var barWidth = groupWidth / series.Count;
        var bars = new List<Bar>();
        for (var g = 0; g < groups.Count; g++)
        for (var s = 0; s < series.Count; s++)
        {
            var (value, error) = valueAt(g, s);
            if (double.IsNaN(value)) continue;
            bars.Add(new Bar
            {
                Position = g - groupWidth / 2 + barWidth * (s + 0.5),
                Value = value,
                Error = double.IsNaN(error) ? 0 : error,
                Size = barWidth * 0.92,
                FillColor = SeriesColor(s),
            });
        }
        plot.Add.Bars(bars);
        for (var s = 0; s < series.Count; s++)
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s], FillColor = SeriesColor(s) });
        SetCategoryTicks(plot, groups, ChartFile.DefaultWidth);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
    }

    /// <summary>One labelled tick per category at x = 0, 1, 2, ...; labels are slanted (with room made below
    /// the axis) only when they would not fit side by side in a chart <paramref name="chartWidth"/> pixels wide.</summary>
    public static void SetCategoryTicks(Plot plot, IReadOnlyList<string> labels, int chartWidth)
    {
        plot.Axes.Bottom.SetTicks(Enumerable.Range(0, labels.Count).Select(i => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        const double pixelsPerChar = 7; // 13 px tick font
        var longest = labels.Count == 0 ? 0 : labels.Max(l => l.Length) * pixelsPerChar;
        var slot = (chartWidth - 120.0) / Math.Max(1, labels.Count);
        if (longest <= slot * 0.9) return;
        const float angle = 35;
        plot.Axes.Bottom.TickLabelStyle.Rotation = -angle;
        plot.Axes.Bottom.TickLabelStyle.Alignment = Alignment.MiddleRight;
        // room for the slanted labels plus the axis title
        plot.Axes.Bottom.MinimumSize = (float)(longest * Math.Sin(angle * Math.PI / 180) + 45);
    }
}
