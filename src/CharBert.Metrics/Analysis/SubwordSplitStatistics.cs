namespace CharBert.Metrics.Analysis;

/// <summary>How much of a token-classification set the subword tokenizer splits (CharBERT, Ma et al. 2020, report
/// 17.8% of the CoNLL-2003 test words and 45.3% of its entities): words cut into two or more subwords, and for
/// chunk-tagged (NER) sets the entities with a split word (the rule <see cref="SubwordSplitAnalysis.EntityReports"/>
/// sorts entities by) and the split share of the words inside entities. <see cref="Entities"/> is null for tag sets
/// that are not chunk tags (POS).</summary>
public sealed record SubwordSplitStatistics(int Words, int SplitWords, EntitySplitCounts? Entities)
{
    public double SplitWordShare => Share(SplitWords, Words);

    internal static double Share(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

/// <summary>Gold entities, those with at least one split word, and the words inside entities (all, split).</summary>
public sealed record EntitySplitCounts(int Entities, int SplitEntities, int EntityWords, int SplitEntityWords)
{
    public double SplitEntityShare => SubwordSplitStatistics.Share(SplitEntities, Entities);
    public double SplitEntityWordShare => SubwordSplitStatistics.Share(SplitEntityWords, EntityWords);
}
