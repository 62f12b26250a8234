namespace CharBert.Text.Featurization;

/// <summary>
/// Switches for the original featurisers' quirks. The defaults reproduce the original code bit for bit;
/// each true value is a fix.
/// </summary>
public sealed record FeaturizationOptions
{
    /// <summary>
    /// The original strips a sub-token with Python's strip("##"), which removes EVERY leading and trailing '#'
    /// (so the token "#" contributes no characters and no start/end entry, shifting all later start/end ids).
    /// True: remove only a leading "##" continuation prefix.
    /// </summary>
    public bool StripOnlyContinuationPrefix { get; init; }

    /// <summary>
    /// NER: the original appends a word's label even when the word yields no sub-tokens (e.g. only control
    /// characters), which misaligns the labels (and trips its length assertion unless truncation hides it).
    /// True: skip such words, as later Hugging Face versions do.
    /// </summary>
    public bool SkipWordsWithoutTokens { get; init; }

    /// <summary>Label id for sub-tokens after the first, specials and padding (the loss ignore index).</summary>
    public int PadTokenLabelId { get; init; } = -100;

    /// <summary>Segment id of [CLS] in the NER featuriser (run_ner.py passes 0 for BERT).</summary>
    public int ClsTokenSegmentId { get; init; }

    public static FeaturizationOptions Original => new();
    public static FeaturizationOptions Fixed => new() { StripOnlyContinuationPrefix = true, SkipWordsWithoutTokens = true };
}
