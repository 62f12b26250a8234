using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

public sealed class BertAttention : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertSelfAttention self;
    private readonly BertSelfOutput output;

    public BertAttention(CharBertConfig config) : base(nameof(BertAttention))
    {
        self = new BertSelfAttention(config);
        output = new BertSelfOutput(config, config.HiddenSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        return output.forward(self.forward(hiddenStates, additiveMask), hiddenStates).MoveToOuterDisposeScope();  // (B, T, H) -> (B, T, H)
    }
}
