namespace CharBert.Text.Featurization;

/// <summary>One model input as the original CharBERT featurisers produce it (ids padded to max_seq_length, chars to 6 x max_seq_length).</summary>
public sealed record InputFeatures(int[] InputIds, int[] AttentionMask, int[] TokenTypeIds, int[] CharInputIds, int[] StartIds, int[] EndIds)
{
    /// <summary>Sequence-level label (GLUE).</summary>
    public int? LabelId { get; init; }
    /// <summary>Token-level labels (NER): -100 where ignored.</summary>
    public int[]? LabelIds { get; init; }
    /// <summary>SQuAD answer start token index within this window (0 = [CLS] for no answer).</summary>
    public int? StartPosition { get; init; }
    /// <summary>SQuAD answer end token index within this window.</summary>
    public int? EndPosition { get; init; }
    /// <summary>Index of the source example (several SQuAD windows share one).</summary>
    public int ExampleIndex { get; init; }
}
