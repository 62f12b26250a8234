namespace CharBert.Text.Featurization.Squad;

/// <summary>
/// One doc_stride window of a SQuAD example: the model inputs plus what is needed to map predicted token
/// positions back to context words.
/// </summary>
public sealed class SquadWindow
{
    public required InputFeatures Features { get; init; }
    /// <summary>Tokens of the non-padded sequence ([CLS] query [SEP] context-part [SEP]).</summary>
    public required IReadOnlyList<string> Tokens { get; init; }
    /// <summary>Sequence position -> context word index, for the context positions of this window.</summary>
    public required IReadOnlyDictionary<int, int> TokenToOrigMap { get; init; }
    /// <summary>Sequence position -> whether this window gives the token its most context (the one to answer from).</summary>
    public required IReadOnlyDictionary<int, bool> TokenIsMaxContext { get; init; }
    /// <summary>1 where an answer cannot start or end (query, [SEP], padding); 0 at [CLS] and context.</summary>
    public required int[] PMask { get; init; }
    public required int ClsIndex { get; init; }
    public required int ParagraphLength { get; init; }
    /// <summary>True when the example has no answer or the answer lies outside this window (labels point at [CLS]).</summary>
    public required bool IsImpossible { get; init; }
}
