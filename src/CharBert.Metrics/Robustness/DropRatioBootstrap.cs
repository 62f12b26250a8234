namespace CharBert.Metrics.Robustness;

/// <summary>A score that is a ratio of sums over sentences, given per sentence: accuracy (correct items / items) or
/// micro F1 (2 TP / (predicted + gold entities)). The score of any multiset of sentences is Σ numerators / Σ denominators.</summary>
public sealed record SentenceScores(double[] Numerators, double[] Denominators)
{
    /// <summary>Per-example correctness (0/1) of a classification task, or correct tokens of a tagging task with the
    /// sentence's token count.</summary>
    public static SentenceScores Accuracy(double[] correct, double[]? items = null) => new(correct, items ?? correct.Select(_ => 1.0).ToArray());
}

/// <summary>One model's per-sentence results on a clean test set and on its attacked copy, for each seed. Sentence i of
/// the attacked copy is the attacked sentence i, so the two are paired, and every seed scores the same sentences.</summary>
public sealed record SentenceOutcomes(IReadOnlyList<SentenceScores> Clean, IReadOnlyList<SentenceScores> Attacked)
{
    public int Seeds => Clean.Count;
    public int Sentences => Clean.Count == 0 ? 0 : Clean[0].Numerators.Length;

    /// <summary>Accuracy outcomes from correct counts per [seed][sentence] (one item per sentence).</summary>
    public static SentenceOutcomes FromCorrect(double[][] clean, double[][] attacked) =>
        new(clean.Select(c => SentenceScores.Accuracy(c)).ToList(), attacked.Select(a => SentenceScores.Accuracy(a)).ToList());

    public void Validate(string name)
    {
        if (Clean.Count == 0 || Clean.Count != Attacked.Count)
            throw new ArgumentException($"{name}: need the same number (> 0) of seeds for the clean and attacked sets ({Clean.Count} vs {Attacked.Count})");
        var n = Sentences;
        if (n == 0 || Clean.Concat(Attacked).Any(s => s.Numerators.Length != n || s.Denominators.Length != n))
            throw new ArgumentException($"{name}: every seed must score the same, non-empty list of sentences, clean and attacked");
    }

    /// <summary>(clean − attacked) / clean score of one seed on a multiset of sentences (indices may repeat).</summary>
    public double RelativeDrop(int seed, IReadOnlyList<int> sentences)
    {
        var clean = Score(Clean[seed], sentences);
        return clean == 0 || double.IsNaN(clean) ? double.NaN : 1 - Score(Attacked[seed], sentences) / clean;
    }

    static double Score(SentenceScores scores, IReadOnlyList<int> sentences)
    {
        double numerator = 0, denominator = 0;
        foreach (var i in sentences)
        {
            numerator += scores.Numerators[i];
            denominator += scores.Denominators[i];
        }
        return denominator == 0 ? double.NaN : numerator / denominator;
    }

    /// <summary>The relative drop averaged over a multiset of seeds.</summary>
    public double MeanRelativeDrop(IReadOnlyList<int> seeds, IReadOnlyList<int> sentences) =>
        seeds.Average(s => RelativeDrop(s, sentences));
}

/// <summary>A ratio of relative drops with its percentile bootstrap interval. <see cref="ShareBelowOne"/> is the
/// share of bootstrap resamples in which the candidate lost proportionally less than the baseline.</summary>
public sealed record DropRatioEstimate(
    double Ratio, double CandidateDrop, double BaselineDrop, double Lower, double Upper, double Level,
    int Resamples, double ShareBelowOne, int Seeds, int Sentences)
{
    /// <summary>Whole interval below 1: the candidate loses proportionally less, beyond the resampling noise.</summary>
    public bool IntervalBelowOne => Upper < 1;
}

/// <summary>The paper's robustness headline as a statistic: the candidate's (CharBERT's) relative drop under an attack
/// divided by the baseline's (BERT's), each the mean over seeds of (clean − attacked) / clean, with a paired bootstrap
/// over test sentences and seeds. One resample draws n sentences with replacement and k seeds with replacement; the
/// same sentences (clean and attacked) and the same seed indices are used for both models, so the pairing of the
/// design survives. The interval is the percentile interval. A resample in which the baseline does not lose (drop
/// &lt;= 0) gives an infinite ratio: the candidate cannot lose proportionally less than nothing.</summary>
public static class DropRatioBootstrap
{
    public static double Ratio(double candidateDrop, double baselineDrop) =>
        baselineDrop > 0 ? candidateDrop / baselineDrop : double.PositiveInfinity;

    public static DropRatioEstimate Estimate(SentenceOutcomes candidate, SentenceOutcomes baseline, int resamples = 10_000,
        int seed = 12345, double level = 0.95)
    {
        Check(candidate, baseline);
        if (resamples < 1) throw new ArgumentException($"need at least one resample (got {resamples})");
        if (level is <= 0 or >= 1) throw new ArgumentException($"the interval level must lie in (0, 1) (got {level})");
        var (k, n) = (candidate.Seeds, candidate.Sentences);
        var allSeeds = Enumerable.Range(0, k).ToArray();
        var allSentences = Enumerable.Range(0, n).ToArray();
        var candidateDrop = candidate.MeanRelativeDrop(allSeeds, allSentences);
        var baselineDrop = baseline.MeanRelativeDrop(allSeeds, allSentences);

        var random = new Random(seed);
        var ratios = new double[resamples];
        var seeds = new int[k];
        var sentences = new int[n];
        for (var r = 0; r < resamples; r++)
        {
            for (var s = 0; s < k; s++) seeds[s] = random.Next(k);
            for (var i = 0; i < n; i++) sentences[i] = random.Next(n);
            ratios[r] = Ratio(candidate.MeanRelativeDrop(seeds, sentences), baseline.MeanRelativeDrop(seeds, sentences));
        }
        Array.Sort(ratios);
        var tail = (1 - level) / 2;
        return new DropRatioEstimate(Ratio(candidateDrop, baselineDrop), candidateDrop, baselineDrop,
            Quantile(ratios, tail), Quantile(ratios, 1 - tail), level, resamples, ratios.Count(v => v < 1) / (double)resamples, k, n);
    }

    /// <summary>Every resample and its probability, for designs small enough to enumerate (k^k x n^n ordered resamples,
    /// each equally likely): the exact bootstrap distribution the sampled one approximates.</summary>
    public static IReadOnlyList<(double Ratio, double Probability)> ExactDistribution(SentenceOutcomes candidate, SentenceOutcomes baseline)
    {
        Check(candidate, baseline);
        var (k, n) = (candidate.Seeds, candidate.Sentences);
        if (Math.Pow(k, k) * Math.Pow(n, n) > 1e6) throw new ArgumentException($"{k} seeds x {n} sentences are too many resamples to enumerate");
        var outcomes = new Dictionary<double, double>();
        var weight = 1 / (Math.Pow(k, k) * Math.Pow(n, n));
        foreach (var seeds in Tuples(k))
            foreach (var sentences in Tuples(n))
            {
                var ratio = Ratio(candidate.MeanRelativeDrop(seeds, sentences), baseline.MeanRelativeDrop(seeds, sentences));
                var key = Math.Round(ratio, 12);
                outcomes[key] = outcomes.GetValueOrDefault(key) + weight;
            }
        return outcomes.OrderBy(o => o.Key).Select(o => (o.Key, o.Value)).ToList();
    }

    /// <summary>Linear interpolation between order statistics (numpy's default, "type 7").</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0) throw new ArgumentException("no values");
        var position = p * (sorted.Count - 1);
        var below = (int)Math.Floor(position);
        var above = Math.Min(below + 1, sorted.Count - 1);
        var fraction = position - below;
        if (fraction == 0 || sorted[below] == sorted[above]) return sorted[below];
        return sorted[below] + fraction * (sorted[above] - sorted[below]);
    }

    static void Check(SentenceOutcomes candidate, SentenceOutcomes baseline)
    {
        candidate.Validate("candidate");
        baseline.Validate("baseline");
        if (candidate.Seeds != baseline.Seeds || candidate.Sentences != baseline.Sentences)
            throw new ArgumentException($"a paired bootstrap needs the same seeds and sentences for both models " +
                                        $"({candidate.Seeds} x {candidate.Sentences} vs {baseline.Seeds} x {baseline.Sentences})");
    }

    static IEnumerable<int[]> Tuples(int size)
    {
        var tuple = new int[size];
        while (true)
        {
            yield return (int[])tuple.Clone();
            var position = size - 1;
            while (position >= 0 && ++tuple[position] == size) tuple[position--] = 0;
            if (position < 0) yield break;
        }
    }
}
