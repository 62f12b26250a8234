namespace CharBert.Metrics.Analysis;

/// <summary>A metric on the items kept whole by the subword tokenizer, on the items it split into several
/// subwords, and on all items. Item counts are gold items (words, or gold entities).</summary>
public sealed record WordSplitScores(double Whole, double Split, double All, int WholeItems, int SplitItems)
{
    /// <summary>How much <paramref name="model"/> beats <paramref name="baseline"/> on each subset (model − baseline).</summary>
    public static WordSplitScores Gain(WordSplitScores baseline, WordSplitScores model)
    {
        if (baseline.WholeItems != model.WholeItems || baseline.SplitItems != model.SplitItems)
            throw new ArgumentException("the two scores come from different test sets (subset sizes differ)");
        return new WordSplitScores(model.Whole - baseline.Whole, model.Split - baseline.Split, model.All - baseline.All,
            model.WholeItems, model.SplitItems);
    }
}
