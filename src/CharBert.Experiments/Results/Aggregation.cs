namespace CharBert.Experiments.Results;

/// <summary>Mean ± sample standard deviation over seeds, the way the paper-style tables report runs.</summary>
public static class Aggregation
{
    public static IReadOnlyList<AggregateRow> OverSeeds(IEnumerable<ResultRow> rows) =>
        rows.GroupBy(r => (r.Variant, r.Task, r.TestSet, r.Attack, r.Rate, r.Metric))
            .Select(g =>
            {
                var (mean, std) = MeanStd(g.Select(r => r.Value).ToList());
                return new AggregateRow(g.Key.Variant, g.Key.Task, g.Key.TestSet, g.Key.Attack, g.Key.Rate, g.Key.Metric,
                    g.Count(), mean, std);
            })
            .OrderBy(a => a.Variant, StringComparer.Ordinal).ThenBy(a => a.Task, StringComparer.Ordinal)
            .ThenBy(a => a.Attack == ResultRow.NoAttack ? 0 : 1).ThenBy(a => a.Attack, StringComparer.Ordinal)
            .ThenBy(a => a.Rate).ThenBy(a => a.Metric, StringComparer.Ordinal)
            .ToList();

    public static (double Mean, double Std) MeanStd(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no values to aggregate", nameof(values));
        var mean = values.Average();
        if (values.Count == 1) return (mean, 0);
        var sumSq = values.Sum(v => (v - mean) * (v - mean));
        return (mean, Math.Sqrt(sumSq / (values.Count - 1)));
    }
}
