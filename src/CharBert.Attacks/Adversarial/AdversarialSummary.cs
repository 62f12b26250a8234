namespace CharBert.Attacks.Adversarial;

/// <summary>Corpus-level result: mean quality (adversarial accuracy, or F1 for QA) after 0..k edits, how many
/// examples flipped, and the model queries spent.</summary>
public sealed record AdversarialSummary(int Examples, IReadOnlyList<double> MeanQualityAfterEdits, int Flipped,
    long TotalQueries, double MeanQueries)
{
    public static AdversarialSummary Of(IReadOnlyList<AdversarialResult> results)
    {
        if (results.Count == 0) return new AdversarialSummary(0, [], 0, 0, 0);
        var k = results[0].QualityAfterEdits.Count;
        var means = Enumerable.Range(0, k).Select(j => results.Average(r => r.QualityAfterEdits[j])).ToArray();
        var queries = results.Sum(r => r.Queries);
        return new AdversarialSummary(results.Count, means, results.Count(r => r.Stop == SearchStop.Flipped), queries,
            (double)queries / results.Count);
    }
}
