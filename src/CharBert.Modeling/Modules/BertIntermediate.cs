using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

public sealed class BertIntermediate : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense;
    private readonly Func<Tensor, Tensor> activation;

    public BertIntermediate(CharBertConfig config) : base(nameof(BertIntermediate))
    {
        dense = nn.Linear(config.HiddenSize, config.IntermediateSize);
        activation = Activations.Get(config.HiddenAct);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return activation(Autocast.Linear(dense, hiddenStates)).MoveToOuterDisposeScope();  // (B, T, H) -> (B, T, I), I intermediate size
    }
}
