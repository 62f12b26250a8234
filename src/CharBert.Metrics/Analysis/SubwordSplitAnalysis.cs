using CharBert.Metrics.Classification;
using CharBert.Metrics.Sequence;

namespace CharBert.Metrics.Analysis;

/// <summary>Splits a token-classification test set by how the subword tokenizer cut each word: a word is
/// "whole" when it is one subword and "split" when it is two or more. An entity is "split" when any of its
/// words is split. Whether a span is split depends only on the text, so gold and predicted entities are
/// sorted into subsets by the same rule and precision and recall stay comparable.</summary>
public static class SubwordSplitAnalysis
{
    /// <summary>Token accuracy (e.g. POS) on whole words, split words and all words.</summary>
    public static WordSplitScores TokenAccuracy(
        IReadOnlyList<IReadOnlyList<int>> subwordsPerWord,
        IReadOnlyList<IReadOnlyList<string>> gold,
        IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        CheckShapes(subwordsPerWord, gold, predicted);
        var whole = (Gold: new List<string>(), Predicted: new List<string>());
        var split = (Gold: new List<string>(), Predicted: new List<string>());
        for (var s = 0; s < gold.Count; s++)
            for (var w = 0; w < gold[s].Count; w++)
            {
                var target = subwordsPerWord[s][w] > 1 ? split : whole;
                target.Gold.Add(gold[s][w]);
                target.Predicted.Add(predicted[s][w]);
            }
        return new WordSplitScores(
            ClassificationMetrics.Accuracy(whole.Gold, whole.Predicted),
            ClassificationMetrics.Accuracy(split.Gold, split.Predicted),
            ClassificationMetrics.Accuracy(whole.Gold.Concat(split.Gold).ToList(), whole.Predicted.Concat(split.Predicted).ToList()),
            whole.Gold.Count, split.Gold.Count);
    }

    /// <summary>Entity-level reports on whole entities, split entities and all entities.</summary>
    public static (SpanReport Whole, SpanReport Split, SpanReport All) EntityReports(
        IReadOnlyList<IReadOnlyList<int>> subwordsPerWord,
        IReadOnlyList<IReadOnlyList<string>> gold,
        IReadOnlyList<IReadOnlyList<string>> predicted,
        ChunkingMode mode = ChunkingMode.Conlleval)
    {
        CheckShapes(subwordsPerWord, gold, predicted);
        var goldChunks = gold.SelectMany((tags, s) => ChunkExtractor.Extract(tags, mode, s)).ToList();
        var predictedChunks = predicted.SelectMany((tags, s) => ChunkExtractor.Extract(tags, mode, s)).ToList();
        bool IsSplit(Chunk c) => Enumerable.Range(c.Start, c.Length).Any(w => subwordsPerWord[c.Sentence][w] > 1);
        return (
            SpanMetrics.Score(goldChunks.Where(c => !IsSplit(c)).ToList(), predictedChunks.Where(c => !IsSplit(c)).ToList()),
            SpanMetrics.Score(goldChunks.Where(IsSplit).ToList(), predictedChunks.Where(IsSplit).ToList()),
            SpanMetrics.Score(goldChunks, predictedChunks));
    }

    /// <summary>Entity F1 (micro over types) on whole entities, split entities and all entities.</summary>
    public static WordSplitScores EntityF1(
        IReadOnlyList<IReadOnlyList<int>> subwordsPerWord,
        IReadOnlyList<IReadOnlyList<string>> gold,
        IReadOnlyList<IReadOnlyList<string>> predicted,
        ChunkingMode mode = ChunkingMode.Conlleval)
    {
        var (whole, split, all) = EntityReports(subwordsPerWord, gold, predicted, mode);
        return new WordSplitScores(whole.Overall.F1, split.Overall.F1, all.Overall.F1, whole.Overall.Gold, split.Overall.Gold);
    }

    /// <summary>Counts split words and, given chunk tags (<paramref name="entityTags"/>, e.g. gold NER tags), split
    /// entities and split words inside entities.</summary>
    public static SubwordSplitStatistics Statistics(
        IReadOnlyList<IReadOnlyList<int>> subwordsPerWord,
        IReadOnlyList<IReadOnlyList<string>>? entityTags = null,
        ChunkingMode mode = ChunkingMode.Conlleval)
    {
        if (entityTags is not null) CheckShapes(subwordsPerWord, entityTags, entityTags);
        var words = subwordsPerWord.Sum(s => s.Count);
        var splitWords = subwordsPerWord.Sum(s => s.Count(n => n > 1));
        if (entityTags is null) return new SubwordSplitStatistics(words, splitWords, null);
        var chunks = entityTags.SelectMany((tags, s) => ChunkExtractor.Extract(tags, mode, s)).ToList();
        var entityWordCounts = chunks.Select(c => Enumerable.Range(c.Start, c.Length).Count(w => subwordsPerWord[c.Sentence][w] > 1)).ToList();
        return new SubwordSplitStatistics(words, splitWords, new EntitySplitCounts(
            chunks.Count, entityWordCounts.Count(n => n > 0), chunks.Sum(c => c.Length), entityWordCounts.Sum()));
    }

    static void CheckShapes(IReadOnlyList<IReadOnlyList<int>> subwordsPerWord,
        IReadOnlyList<IReadOnlyList<string>> gold, IReadOnlyList<IReadOnlyList<string>> predicted)
    {
        if (subwordsPerWord.Count != gold.Count || predicted.Count != gold.Count)
            throw new ArgumentException(
                $"{subwordsPerWord.Count} subword-count rows, {gold.Count} gold sentences, {predicted.Count} predicted sentences");
        for (var s = 0; s < gold.Count; s++)
        {
            if (subwordsPerWord[s].Count != gold[s].Count || predicted[s].Count != gold[s].Count)
                throw new ArgumentException($"sentence {s + 1}: {subwordsPerWord[s].Count} subword counts, " +
                                            $"{gold[s].Count} gold tags, {predicted[s].Count} predicted tags");
            for (var w = 0; w < gold[s].Count; w++)
                if (subwordsPerWord[s][w] < 1)
                    throw new ArgumentException($"sentence {s + 1}, word {w + 1}: a word has at least one subword, got {subwordsPerWord[s][w]}");
        }
    }
}
