namespace CharBert.Text.Featurization.Squad;

/// <summary>One n-best answer: its text in the original context ("" = no answer) and its logits and probability.</summary>
public sealed record SquadCandidate(string Text, double StartLogit, double EndLogit, double Probability);

/// <summary>The chosen answer ("" = unanswerable) and the n-best list it was chosen from.</summary>
public sealed record SquadPrediction(string Answer, IReadOnlyList<SquadCandidate> NBest, double NullScoreDiff);

/// <summary>Post-processing settings as Hugging Face's compute_predictions_logits takes them.</summary>
public sealed record SquadDecodingOptions
{
    public int NBestSize { get; init; } = 20;
    public int MaxAnswerLength { get; init; } = 30;
    /// <summary>SQuAD 2.0: the null answer competes; predict "" when null score - best span score exceeds the threshold.</summary>
    public bool VersionTwoWithNegative { get; init; }
    public double NullScoreDiffThreshold { get; init; }
    /// <summary>Whether the tokenizer lower-cased (get_final_text re-tokenises the original text the same way).</summary>
    public bool LowerCase { get; init; }
}
