using CharBert.Metrics.Classification;

namespace CharBert.Metrics.Sequence;

/// <summary>Entity (chunk) precision/recall/F1: a predicted chunk counts only when a gold chunk has the same
/// sentence, type, start and end.</summary>
public static class SpanMetrics
{
    public static SpanReport Evaluate(
        IReadOnlyList<IReadOnlyList<string>> gold,
        IReadOnlyList<IReadOnlyList<string>> predicted,
        ChunkingMode mode = ChunkingMode.Conlleval)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"gold has {gold.Count} sentences but predictions have {predicted.Count}");
        var goldChunks = new List<Chunk>();
        var predictedChunks = new List<Chunk>();
        int tokens = 0, correctTokens = 0;
        for (var s = 0; s < gold.Count; s++)
        {
            if (gold[s].Count != predicted[s].Count)
                throw new ArgumentException(
                    $"sentence {s + 1}: gold has {gold[s].Count} tags but predictions have {predicted[s].Count}");
            goldChunks.AddRange(ChunkExtractor.Extract(gold[s], mode, s));
            predictedChunks.AddRange(ChunkExtractor.Extract(predicted[s], mode, s));
            tokens += gold[s].Count;
            for (var t = 0; t < gold[s].Count; t++)
                if (gold[s][t] == predicted[s][t]) correctTokens++;
        }
        return Score(goldChunks, predictedChunks, tokens, correctTokens);
    }

    /// <summary>Scores chunk sets directly (e.g. subsets chosen by <c>SubwordSplitAnalysis</c>).</summary>
    public static SpanReport Score(IReadOnlyCollection<Chunk> goldChunks, IReadOnlyCollection<Chunk> predictedChunks,
        int tokens = 0, int correctTokens = 0)
    {
        var goldSet = goldChunks.ToHashSet();
        var matched = predictedChunks.Where(goldSet.Contains).ToList();
        var types = goldChunks.Select(c => c.Type).Concat(predictedChunks.Select(c => c.Type))
            .Distinct().Order(StringComparer.Ordinal);
        var perType = types.ToDictionary(type => type, type => new PrecisionRecallF1(
            matched.Count(c => c.Type == type),
            predictedChunks.Count(c => c.Type == type),
            goldChunks.Count(c => c.Type == type)));
        var overall = new PrecisionRecallF1(matched.Count, predictedChunks.Count, goldChunks.Count);
        return new SpanReport(overall, perType, tokens == 0 ? 0 : (double)correctTokens / tokens, tokens);
    }

    /// <summary>Token-level accuracy over all tokens (POS tagging).</summary>
    public static double TokenAccuracy(IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        if (gold.Count != predicted.Count)
            throw new ArgumentException($"gold has {gold.Count} sentences but predictions have {predicted.Count}");
        return ClassificationMetrics.Accuracy(
            gold.SelectMany(s => s).ToList(),
            predicted.Select((p, i) => p.Count == gold[i].Count ? p : throw new ArgumentException(
                $"sentence {i + 1}: gold has {gold[i].Count} tags but predictions have {p.Count}")).SelectMany(s => s).ToList());
    }
}
