using static TorchSharp.torch;

using CharBert.Modeling.Modules;

namespace CharBert.Modeling.Heads;

/// <summary>What every task model returns. Loss is set only when the batch carries the head's labels.
/// Logits: sequence classification (B, labels); token classification (B, T, labels); QA (B, T, 2) with
/// StartLogits/EndLogits (B, T); pre-training = PredictionScores (B, T, vocab), with TermScores (B, T, term vocab)
/// for CharBERT and Loss = MaskedLmLoss + TermLoss.</summary>
public sealed class TaskOutput
{
    public Tensor? Loss { get; init; }
    public required Tensor Logits { get; init; }
    public Tensor? StartLogits { get; init; }
    public Tensor? EndLogits { get; init; }
    public Tensor? PredictionScores { get; init; }
    public Tensor? TermScores { get; init; }
    public Tensor? MaskedLmLoss { get; init; }
    public Tensor? TermLoss { get; init; }
    public required EncoderOutput Encoder { get; init; }

    /// <summary>Moves every tensor (encoder outputs included) to the enclosing dispose scope; returns this.</summary>
    public TaskOutput MoveToOuterDisposeScope()
    {
        foreach (var t in new[] { Loss, Logits, StartLogits, EndLogits, PredictionScores, TermScores, MaskedLmLoss, TermLoss })
            t?.MoveToOuterDisposeScope();
        Encoder.MoveToOuterDisposeScope();
        return this;
    }
}
