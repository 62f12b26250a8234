namespace CharBert.Metrics.Squad;

/// <summary>SQuAD 1.1 / 2.0 exact match and token F1 (official evaluate-v2.0 script semantics, which equal
/// v1.1 whenever every question has an answer).</summary>
public static class SquadMetrics
{
    public static double ExactMatch(string prediction, string gold) =>
        SquadNormalizer.Normalize(prediction) == SquadNormalizer.Normalize(gold) ? 1 : 0;

    /// <summary>Bag-of-tokens F1 of the normalised strings. When either side is empty the score is 1 if both
    /// are empty, else 0 (the v2.0 rule for no-answer).</summary>
    public static double F1(string prediction, string gold)
    {
        var predictedTokens = SquadNormalizer.NormalizedTokens(prediction);
        var goldTokens = SquadNormalizer.NormalizedTokens(gold);
        if (predictedTokens.Length == 0 || goldTokens.Length == 0)
            return predictedTokens.Length == goldTokens.Length ? 1 : 0;
        var goldCounts = goldTokens.CountBy(t => t).ToDictionary(kv => kv.Key, kv => kv.Value);
        var common = 0;
        foreach (var token in predictedTokens)
            if (goldCounts.TryGetValue(token, out var left) && left > 0)
            {
                goldCounts[token] = left - 1;
                common++;
            }
        if (common == 0) return 0;
        var precision = (double)common / predictedTokens.Length;
        var recall = (double)common / goldTokens.Length;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Max EM and max F1 over the gold answers (each maximised separately, as the script does).</summary>
    public static SquadScore Score(SquadExample example)
    {
        // As the script: HasAns means "any gold answer given"; answers that normalise to "" are dropped and an
        // empty list becomes [""], so an empty prediction scores 1 on an unanswerable question.
        var golds = example.GoldAnswers.Where(a => SquadNormalizer.Normalize(a).Length > 0).ToList();
        if (golds.Count == 0) golds.Add("");
        return new SquadScore(example.Id, example.GoldAnswers.Count > 0,
            golds.Max(g => ExactMatch(example.Prediction, g)),
            golds.Max(g => F1(example.Prediction, g)));
    }

    /// <summary>One question's official F1 in [0, 1] (<see cref="Score"/>'s): the best over the gold answers; with
    /// no gold answers (unanswerable) 1 for an empty prediction, else 0.</summary>
    public static double QuestionF1(string prediction, IReadOnlyList<string> goldAnswers) =>
        Score(new SquadExample("", goldAnswers, prediction)).F1;

    public static SquadReport Evaluate(IEnumerable<SquadExample> examples)
    {
        var scores = examples.Select(Score).ToList();
        var has = scores.Where(s => s.HasAnswer).ToList();
        var no = scores.Where(s => !s.HasAnswer).ToList();
        return new SquadReport(
            Percent(scores, s => s.ExactMatch) ?? 0, Percent(scores, s => s.F1) ?? 0, scores.Count,
            Percent(has, s => s.ExactMatch), Percent(has, s => s.F1), has.Count,
            Percent(no, s => s.ExactMatch), Percent(no, s => s.F1), no.Count);
    }

    static double? Percent(List<SquadScore> scores, Func<SquadScore, double> metric) =>
        scores.Count == 0 ? null : 100.0 * scores.Average(metric);
}
