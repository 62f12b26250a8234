using CharBert.Modeling.Precision;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>dense → dropout → LayerNorm(· + residual). Shared shape for BertSelfOutput and BertOutput.</summary>
public sealed class BertSelfOutput : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly Linear dense;
    [ComponentName(Name = "LayerNorm")] private readonly LayerNorm layerNorm;
    private readonly Dropout dropout;

    public BertSelfOutput(CharBertConfig config, long inputSize) : base(nameof(BertSelfOutput))
    {
        dense = nn.Linear(inputSize, config.HiddenSize);
        layerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        dropout = nn.Dropout(config.HiddenDropoutProb);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates, Tensor residual)
    {
        using var scope = NewDisposeScope();
        return Autocast.LayerNorm(layerNorm, dropout.forward(Autocast.Linear(dense, hiddenStates)) + residual).MoveToOuterDisposeScope();  // (B, T, I or H) -> (B, T, H)
    }
}
