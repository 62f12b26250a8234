namespace CharBert.Experiments.Results;

/// <summary>How much one variant beats a baseline on one subset of the words: "word" (kept whole by the tokenizer),
/// "subword" (split) or "all", as mean ± sample std over the seeds both ran of the per-seed difference (variant − baseline).</summary>
public sealed record SplitGainRow(
    string Task, string TestSet, string Metric, string Variant, string Baseline, string Subset, int N, double Mean, double Std);

public static class SplitGains
{
    public static readonly string[] Subsets = ["word", "subword", "all"];

    /// <summary>Gains over <paramref name="baseline"/> for every task metric that has a word/subword breakdown.</summary>
    public static IReadOnlyList<SplitGainRow> Compute(IReadOnlyList<ResultRow> rows, string baseline)
    {
        var byKey = rows.ToLookup(r => (r.Variant, r.Task, r.TestSet, r.Metric));
        var gains = new List<SplitGainRow>();
        var splitMetrics = rows.Where(r => r.Metric.EndsWith(MetricNames.WordSuffix, StringComparison.Ordinal))
            .Select(r => (r.Task, r.TestSet, Metric: r.Metric[..^MetricNames.WordSuffix.Length])).Distinct();
        foreach (var (task, testSet, metric) in splitMetrics)
            foreach (var variant in rows.Select(r => r.Variant).Distinct().Where(v => v != baseline))
                foreach (var subset in Subsets)
                {
                    var name = subset == "all" ? metric : $"{metric}.{subset}";
                    var ours = byKey[(variant, task, testSet, name)].ToDictionary(r => r.Seed, r => r.Value);
                    var differences = byKey[(baseline, task, testSet, name)]
                        .Where(b => ours.ContainsKey(b.Seed)).Select(b => ours[b.Seed] - b.Value).ToList();
                    if (differences.Count == 0) continue;
                    var (mean, std) = Aggregation.MeanStd(differences);
                    gains.Add(new SplitGainRow(task, testSet, metric, variant, baseline, subset, differences.Count, mean, std));
                }
        return gains;
    }
}
