using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>attention → intermediate → output (BertOutput has BertSelfOutput's structure with intermediate-size input).</summary>
public sealed class BertLayer : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly BertAttention attention;
    private readonly BertIntermediate intermediate;
    private readonly BertSelfOutput output;

    public BertLayer(CharBertConfig config) : base(nameof(BertLayer))
    {
        attention = new BertAttention(config);
        intermediate = new BertIntermediate(config);
        output = new BertSelfOutput(config, config.IntermediateSize);
        RegisterComponents();
    }

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask)
    {
        using var scope = NewDisposeScope();
        var attentionOutput = attention.forward(hiddenStates, additiveMask);  // (B, T, H)
        return output.forward(intermediate.forward(attentionOutput), attentionOutput).MoveToOuterDisposeScope();  // (B, T, H) -> (B, T, I) -> (B, T, H), I intermediate size
    }
}
