using CharBert.Modeling.Modules;
using CharBert.Modeling.Precision;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>dense → activation → LayerNorm.</summary>
public sealed class BertPredictionHeadTransform : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly Func<Tensor, Tensor> activation;
    [ComponentName(Name = "LayerNorm")] private readonly LayerNorm layerNorm;

    public BertPredictionHeadTransform(CharBertConfig config) : base(nameof(BertPredictionHeadTransform))
    {
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
        activation = Activations.Get(config.HiddenAct);
        layerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return Autocast.LayerNorm(layerNorm, activation(Autocast.Linear(dense, hiddenStates))).MoveToOuterDisposeScope();  // (..., H) -> (..., H)
    }
}
