using CharBert.Modeling.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Modeling;

/// <summary>One batch of model inputs (and optional labels) as tensors, the contract between the data side
/// (featurisation, collation) and every model/head. Shapes: B = batch, T = max_seq_length,
/// C = char_maxlen (6 x T in the original). Labels use -100 (or -1, as the original) for "ignore".</summary>
public sealed class ModelBatch : IDisposable
{
    public required Tensor InputIds { get; init; }        // (B, T) int64
    public required Tensor AttentionMask { get; init; }   // (B, T) int64, 1 = real token
    public Tensor? TokenTypeIds { get; init; }            // (B, T) int64
    public Tensor? CharInputIds { get; init; }            // (B, C) int64, 0 = padding / separator
    public Tensor? StartIds { get; init; }                // (B, T) int64: index into C of each token's first char
    public Tensor? EndIds { get; init; }                  // (B, T) int64: index into C of each token's last char

    public Tensor? SequenceLabels { get; init; }          // (B) int64 (classification) or float (regression)
    public Tensor? TokenLabels { get; init; }             // (B, T) int64, -100 = ignore
    public Tensor? StartPositions { get; init; }          // (B) int64 (QA)
    public Tensor? EndPositions { get; init; }            // (B) int64 (QA)
    public Tensor? MaskedLmLabels { get; init; }          // (B, T) int64, -1/-100 = ignore (MLM, token channel)
    public Tensor? TermLabels { get; init; }              // (B, T) int64, -1/-100 = ignore (NLM, char channel)

    public long BatchSize => InputIds.shape[0];

    /// <summary>A copy of this batch on <paramref name="device"/>.</summary>
    public ModelBatch To(Device device) => new()
    {
        InputIds = InputIds.to(device), AttentionMask = AttentionMask.to(device), TokenTypeIds = TokenTypeIds?.to(device),
        CharInputIds = CharInputIds?.to(device), StartIds = StartIds?.to(device), EndIds = EndIds?.to(device),
        SequenceLabels = SequenceLabels?.to(device), TokenLabels = TokenLabels?.to(device),
        StartPositions = StartPositions?.to(device), EndPositions = EndPositions?.to(device),
        MaskedLmLabels = MaskedLmLabels?.to(device), TermLabels = TermLabels?.to(device),
    };

    public void Dispose()
    {
        foreach (var t in new[] { InputIds, AttentionMask, TokenTypeIds, CharInputIds, StartIds, EndIds, SequenceLabels,
                     TokenLabels, StartPositions, EndPositions, MaskedLmLabels, TermLabels })
            t?.Dispose();
    }
}
