namespace CharBert.Metrics.Classification;

/// <summary>Sentence-level classification metrics as GLUE reports them (sklearn semantics).</summary>
public static class ClassificationMetrics
{
    public static double Accuracy<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted)
    {
        CheckLengths(gold, predicted);
        if (gold.Count == 0) return 0;
        var comparer = EqualityComparer<T>.Default;
        var correct = 0;
        for (var i = 0; i < gold.Count; i++)
            if (comparer.Equals(gold[i], predicted[i])) correct++;
        return (double)correct / gold.Count;
    }

    /// <summary>Precision/recall/F1 of one label treated as the positive class (sklearn <c>average='binary'</c>).</summary>
    public static PrecisionRecallF1 ForLabel<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted, T positive)
    {
        CheckLengths(gold, predicted);
        var comparer = EqualityComparer<T>.Default;
        int tp = 0, nPredicted = 0, nGold = 0;
        for (var i = 0; i < gold.Count; i++)
        {
            var isGold = comparer.Equals(gold[i], positive);
            var isPredicted = comparer.Equals(predicted[i], positive);
            if (isGold) nGold++;
            if (isPredicted) nPredicted++;
            if (isGold && isPredicted) tp++;
        }
        return new PrecisionRecallF1(tp, nPredicted, nGold);
    }

    /// <summary>F1 of <paramref name="positive"/> (MRPC and QQP report F1 of label 1).</summary>
    public static double BinaryF1<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted, T positive) =>
        ForLabel(gold, predicted, positive).F1;

    /// <summary>Unweighted mean of per-label F1 over every label seen in gold or predictions (sklearn's default
    /// label set for <c>average='macro'</c>).</summary>
    public static double MacroF1<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted) where T : notnull
    {
        var labels = gold.Concat(predicted).Distinct().ToList();
        return labels.Count == 0 ? 0 : labels.Average(l => ForLabel(gold, predicted, l).F1);
    }

    /// <summary>Pooled F1 over all labels. With one label per item and every label included this equals
    /// accuracy (each error is one false positive and one false negative).</summary>
    public static double MicroF1<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted) where T : notnull
    {
        var labels = gold.Concat(predicted).Distinct().ToList();
        var pooled = labels.Select(l => ForLabel(gold, predicted, l)).ToList();
        return new PrecisionRecallF1(pooled.Sum(p => p.TruePositives), pooled.Sum(p => p.Predicted), pooled.Sum(p => p.Gold)).F1;
    }

    /// <summary>Matthews correlation coefficient (CoLA), sklearn's multiclass formula
    /// (c·s − Σ t_k·p_k) / sqrt((s² − Σ p_k²)(s² − Σ t_k²)); 0 when either factor under the root is 0
    /// (a constant prediction or a constant gold column).</summary>
    public static double MatthewsCorrelation<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted) where T : notnull
    {
        CheckLengths(gold, predicted);
        var comparer = EqualityComparer<T>.Default;
        var goldCounts = gold.GroupBy(g => g).ToDictionary(g => g.Key, g => (double)g.Count());
        var predictedCounts = predicted.GroupBy(p => p).ToDictionary(g => g.Key, g => (double)g.Count());
        double s = gold.Count, c = 0;
        for (var i = 0; i < gold.Count; i++)
            if (comparer.Equals(gold[i], predicted[i])) c++;
        var tp = goldCounts.Sum(kv => kv.Value * predictedCounts.GetValueOrDefault(kv.Key));
        var covGoldPred = c * s - tp;
        var covPredPred = s * s - predictedCounts.Values.Sum(p => p * p);
        var covGoldGold = s * s - goldCounts.Values.Sum(t => t * t);
        return covPredPred * covGoldGold == 0 ? 0 : covGoldPred / Math.Sqrt(covGoldGold * covPredPred);
    }

    internal static void CheckLengths<T>(IReadOnlyList<T> gold, IReadOnlyList<T> predicted)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"gold has {gold.Count} items but predictions have {predicted.Count}");
    }
}
