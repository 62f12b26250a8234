using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>Multi-head self-attention with an additive mask ((1 - mask) * -10000, precomputed by the model).
/// Shapes: B batch, T subword positions, H hidden size, N heads, D = H / N head size.</summary>
public sealed class BertSelfAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear query;
    private readonly Linear key;
    private readonly Linear value;
    private readonly Dropout dropout;
    private readonly int numHeads;
    private readonly int headSize;
    private readonly double dropoutProb;
    private readonly AttentionImplementation implementation;

    public BertSelfAttention(CharBertConfig config) : base(nameof(BertSelfAttention))
    {
        numHeads = config.NumAttentionHeads;
        headSize = config.AttentionHeadSize;
        dropoutProb = config.AttentionProbsDropoutProb;
        implementation = config.AttentionImplementation;
        query = nn.Linear(config.HiddenSize, numHeads * headSize);
        key = nn.Linear(config.HiddenSize, numHeads * headSize);
        value = nn.Linear(config.HiddenSize, numHeads * headSize);
        dropout = nn.Dropout(config.AttentionProbsDropoutProb);
        RegisterComponents();
    }

    private Tensor SplitHeads(Tensor x) => x.view(x.shape[0], x.shape[1], numHeads, headSize).permute(0, 2, 1, 3);  // (B, T, H) -> (B, T, N, D) -> (B, N, T, D)

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var q = SplitHeads(Autocast.Linear(query, hiddenStates));  // (B, T, H) -> (B, N, T, D)
        var k = SplitHeads(Autocast.Linear(key, hiddenStates));  // (B, N, T, D)
        var v = SplitHeads(Autocast.Linear(value, hiddenStates));  // (B, N, T, D)
        Tensor context;
        if (implementation == AttentionImplementation.Sdpa)
        {
            context = Autocast.ScaledDotProductAttention(q, k, v, additiveMask, training ? dropoutProb : 0.0);  // (B, N, T, D); mask (B, 1, 1, T) broadcasts
        }
        else
        {
            var scores = Autocast.MatMul(q, k.transpose(-1, -2)) / Math.Sqrt(headSize) + additiveMask;  // (B, N, T, D) @ (B, N, D, T) -> (B, N, T, T)
            var probs = dropout.forward(Autocast.Softmax(scores, -1));  // (B, N, T, T), rows sum to 1
            context = Autocast.MatMul(probs, v);  // (B, N, T, T) @ (B, N, T, D) -> (B, N, T, D)
        }
        var (b, t) = (hiddenStates.shape[0], hiddenStates.shape[1]);
        return context.permute(0, 2, 1, 3).contiguous().view(b, t, numHeads * headSize).MoveToOuterDisposeScope();  // (B, N, T, D) -> (B, T, N, D) -> (B, T, H)
    }
}
