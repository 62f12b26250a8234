using CharBert.Modeling.Precision;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>The two-channel encoder (original CharBertEncoder). Per layer the SAME BertLayer runs over the token and
/// the char channel; then fusion: word_linear1 / char_linear1 (no bias), concat, Conv1d(2H→H, kernel 3, padding 1),
/// and each channel = its LayerNorm(fusion + its layer output). The original BERT variant builds its fusion list from
/// ONE Conv1d, so by default a single conv is registered as fusion_layer_list.0 and used by every layer.
/// With batch_channels the two channels run through the layer as one batch (same maths, fewer kernel launches).
/// Shapes: B batch, T subword positions, H hidden size; both channels are (B, T, H), the additive mask (B, 1, 1, T).</summary>
public sealed class CharBertEncoder : nn.Module<Tensor, Tensor, Tensor, (Tensor Token, Tensor Char)>
{
    private readonly ModuleList<BertLayer> layer;
    private readonly Linear? word_linear1;
    private readonly Linear? char_linear1;
    private readonly ModuleList<Conv1d>? fusion_layer_list;
    private readonly LayerNorm? word_norm;
    private readonly LayerNorm? char_norm;
    private readonly CharBertConfig config;

    public CharBertEncoder(CharBertConfig config) : base(nameof(CharBertEncoder))
    {
        this.config = config;
        var h = config.HiddenSize;
        layer = new ModuleList<BertLayer>(Enumerable.Range(0, config.NumHiddenLayers).Select(_ => new BertLayer(config)).ToArray());
        if (config.Fusion != FusionKind.None)
        {
            word_linear1 = nn.Linear(h, h, hasBias: false);
            char_linear1 = nn.Linear(h, h, hasBias: false);
            word_norm = nn.LayerNorm(h, config.LayerNormEps);
            char_norm = nn.LayerNorm(h, config.LayerNormEps);
        }
        if (config.Fusion == FusionKind.Conv)
        {
            var count = config.FusionSharing == FusionSharing.Shared ? 1 : config.NumHiddenLayers;
            fusion_layer_list = new ModuleList<Conv1d>(Enumerable.Range(0, count).Select(_ => Convolutions.Conv1d(2 * h, h, 3, padding: 1)).ToArray());
        }
        RegisterComponents();
    }

    /// <summary>Runs all layers. When <paramref name="layerOutputs"/> is given, each layer's (token, char) output is
    /// appended to it.</summary>
    public (Tensor Token, Tensor Char) Run(Tensor tokenStates, Tensor charStates, Tensor additiveMask, List<(Tensor Token, Tensor Char)>? layerOutputs)
    {
        using var scope = NewDisposeScope();
        var batch = tokenStates.shape[0];
        var doubledMask = config.BatchChannels ? cat(new[] { additiveMask, additiveMask }, 0) : null;  // (B, 1, 1, T) -> (2B, 1, 1, T)
        for (var i = 0; i < layer.Count; i++)
        {
            Tensor wordOutputs, charOutputs;
            if (doubledMask is not null)
            {
                var both = layer[i].forward(cat(new[] { tokenStates, charStates }, 0), doubledMask);  // 2 x (B, T, H) -> (2B, T, H)
                wordOutputs = both.narrow(0, 0, batch);  // (B, T, H)
                charOutputs = both.narrow(0, batch, batch);  // (B, T, H)
            }
            else
            {
                wordOutputs = layer[i].forward(tokenStates, additiveMask);
                charOutputs = layer[i].forward(charStates, additiveMask);
            }
            (tokenStates, charStates) = Fuse(i, wordOutputs, charOutputs);
            layerOutputs?.Add((tokenStates, charStates));
        }
        if (layerOutputs is not null)
            for (var i = 0; i < layerOutputs.Count; i++)
                layerOutputs[i] = (layerOutputs[i].Token.MoveToOuterDisposeScope(), layerOutputs[i].Char.MoveToOuterDisposeScope());
        // the last layer's outputs may already have been moved out with layerOutputs: alias them instead of moving twice
        return layerOutputs is { Count: > 0 }
            ? (layerOutputs[^1].Token.alias().MoveToOuterDisposeScope(), layerOutputs[^1].Char.alias().MoveToOuterDisposeScope())
            : (tokenStates.MoveToOuterDisposeScope(), charStates.MoveToOuterDisposeScope());
    }

    private (Tensor Token, Tensor Char) Fuse(int layerIndex, Tensor wordOutputs, Tensor charOutputs)
    {
        if (config.Fusion == FusionKind.None) return (wordOutputs, charOutputs);
        var wordTransform = Autocast.Linear(word_linear1!, wordOutputs);  // (B, T, H)
        var charTransform = Autocast.Linear(char_linear1!, charOutputs);  // (B, T, H)
        Tensor shared;
        if (config.Fusion == FusionKind.Conv)
        {
            var conv = fusion_layer_list![config.FusionSharing == FusionSharing.Shared ? 0 : layerIndex];
            shared = Autocast.Conv1d(conv, cat(new[] { wordTransform, charTransform }, -1).permute(0, 2, 1)).permute(0, 2, 1);  // (B, T, 2H) -> (B, 2H, T) -> (B, H, T) -> (B, T, H)
        }
        else
        {
            shared = wordTransform + charTransform;
        }
        return (Autocast.LayerNorm(word_norm!, shared + wordOutputs), Autocast.LayerNorm(char_norm!, shared + charOutputs));  // 2 x (B, T, H)
    }

    public override (Tensor Token, Tensor Char) forward(Tensor tokenStates, Tensor charStates, Tensor additiveMask) =>
        Run(tokenStates, charStates, additiveMask, null);
}
