namespace CharBert.Attacks.Adversarial;

/// <summary>Corpus-level result: mean quality after 0..k edits (<see cref="QualityMetric"/>: "accuracy" for
/// classification and tagging, "f1" for QA, as a fraction), how many examples flipped, and the model queries spent.
/// <see cref="Defence"/> names the word recogniser the search attacked through (null: the bare model).</summary>
public sealed record AdversarialSummary(int Examples, IReadOnlyList<double> MeanQualityAfterEdits, int Flipped,
    long TotalQueries, double MeanQueries, string QualityMetric = AdversarialSummary.Accuracy, string? Defence = null)
{
    public const string Accuracy = "accuracy";
    public const string F1 = "f1";

    public bool Defended => Defence != null;

    public static AdversarialSummary Of(IReadOnlyList<AdversarialResult> results, string qualityMetric = Accuracy, string? defence = null)
    {
        if (results.Count == 0) return new AdversarialSummary(0, [], 0, 0, 0, qualityMetric, defence);
        var k = results[0].QualityAfterEdits.Count;
        var means = Enumerable.Range(0, k).Select(j => results.Average(r => r.QualityAfterEdits[j])).ToArray();
        var queries = results.Sum(r => r.Queries);
        return new AdversarialSummary(results.Count, means, results.Count(r => r.Stop == SearchStop.Flipped), queries,
            (double)queries / results.Count, qualityMetric, defence);
    }
}
