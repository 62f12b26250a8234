using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>The plain BERT encoder: a stack of BertLayers (the baseline's token channel).</summary>
public sealed class BertEncoder : nn.Module<Tensor, Tensor, Tensor>
{
    private readonly ModuleList<BertLayer> layer;

    public BertEncoder(CharBertConfig config) : base(nameof(BertEncoder))
    {
        layer = new ModuleList<BertLayer>(Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new BertLayer(config)).ToArray());
        RegisterComponents();
    }

    public Tensor Run(Tensor hiddenStates, Tensor additiveMask, List<Tensor>? layerOutputs)
    {
        using var scope = NewDisposeScope();
        foreach (var l in layer)
        {
            hiddenStates = l.forward(hiddenStates, additiveMask);  // (B, T, H), mask (B, 1, 1, T)
            layerOutputs?.Add(hiddenStates);
        }
        if (layerOutputs is not null)
        {
            for (var i = 0; i < layerOutputs.Count; i++) layerOutputs[i] = layerOutputs[i].MoveToOuterDisposeScope();
            return layerOutputs[^1].alias().MoveToOuterDisposeScope();
        }
        return hiddenStates.MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor hiddenStates, Tensor additiveMask) => Run(hiddenStates, additiveMask, null);
}
