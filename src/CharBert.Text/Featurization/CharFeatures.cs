namespace CharBert.Text.Featurization;

/// <summary>Character ids (length 6 x max_seq_length) and each token's first/last character index (length max_seq_length).</summary>
public sealed record CharFeatures(int[] CharInputIds, int[] StartIds, int[] EndIds);
