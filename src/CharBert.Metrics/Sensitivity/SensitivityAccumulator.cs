namespace CharBert.Metrics.Sensitivity;

/// <summary>Corpus-level S: every word of every sentence weighs the same (S = mean of 1 − cos over all words,
/// not a mean of sentence means), reported over all words and separately over the words the attack changed
/// and the words it left alone.</summary>
public sealed class SensitivityAccumulator
{
    double attackedSum, unattackedSum;
    int attackedWords, unattackedWords;

    /// <summary>Adds one sentence's word vectors; <paramref name="wasAttacked"/>[i] says whether word i was perturbed.</summary>
    public void Add(IReadOnlyList<float[]> clean, IReadOnlyList<float[]> attacked, IReadOnlyList<bool> wasAttacked)
    {
        if (clean.Count != attacked.Count || clean.Count != wasAttacked.Count)
            throw new ArgumentException(
                $"sentence has {clean.Count} clean vectors, {attacked.Count} attacked vectors and {wasAttacked.Count} attack flags");
        for (var i = 0; i < clean.Count; i++)
        {
            var distance = SensitivityMetric.WordDistance(clean[i], attacked[i]);
            if (wasAttacked[i]) { attackedSum += distance; attackedWords++; }
            else { unattackedSum += distance; unattackedWords++; }
        }
    }

    public SensitivityReport Report() => new(
        Mean(attackedSum + unattackedSum, attackedWords + unattackedWords), attackedWords + unattackedWords,
        Mean(attackedSum, attackedWords), attackedWords,
        Mean(unattackedSum, unattackedWords), unattackedWords);

    static double? Mean(double sum, int count) => count == 0 ? null : sum / count;
}

/// <summary>Corpus S over all, attacked and unattacked words; null where there are no such words.</summary>
public sealed record SensitivityReport(
    double? All, int Words,
    double? Attacked, int AttackedWords,
    double? Unattacked, int UnattackedWords);
