using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>tanh(dense(h[:, 0])): the [CLS] summary. CharBERT applies the same pooler to both channels.</summary>
public sealed class BertPooler : nn.Module<Tensor, Tensor>
{
    private readonly Linear dense;

    public BertPooler(CharBertConfig config) : base(nameof(BertPooler))
    {
        dense = nn.Linear(config.HiddenSize, config.HiddenSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates)
    {
        using var scope = NewDisposeScope();
        return tanh(Autocast.Linear(dense, hiddenStates.select(1, 0))).MoveToOuterDisposeScope();  // (B, T, H) -> (B, H)
    }
}
