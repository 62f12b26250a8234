using CharBert.Modeling.Precision;
using TorchSharp.Utils;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>Word + position + token-type embeddings, LayerNorm, dropout (original BertEmbeddings).
/// Shapes: B batch, T subword positions, H hidden size.</summary>
public sealed class BertEmbeddings : nn.Module<Tensor, Tensor?, Tensor>
{
    private readonly Embedding word_embeddings;
    private readonly Embedding position_embeddings;
    private readonly Embedding token_type_embeddings;
    [ComponentName(Name = "LayerNorm")] private readonly LayerNorm layerNorm;
    private readonly Dropout dropout;

    public BertEmbeddings(CharBertConfig config) : base(nameof(BertEmbeddings))
    {
        word_embeddings = nn.Embedding(config.VocabSize, config.HiddenSize, padding_idx: 0);
        position_embeddings = nn.Embedding(config.MaxPositionEmbeddings, config.HiddenSize);
        token_type_embeddings = nn.Embedding(config.TypeVocabSize, config.HiddenSize);
        layerNorm = nn.LayerNorm(config.HiddenSize, config.LayerNormEps);
        dropout = nn.Dropout(config.HiddenDropoutProb);
        RegisterComponents();
    }

    public Parameter WordEmbeddingWeight => word_embeddings.weight!;

    public override Tensor forward(Tensor inputIds, Tensor? tokenTypeIds)
    {
        using var scope = NewDisposeScope();
        var seqLength = inputIds.shape[1];
        var positionIds = arange(seqLength, dtype: ScalarType.Int64, device: inputIds.device).unsqueeze(0).expand(inputIds.shape);  // (T) -> (1, T) -> (B, T)
        tokenTypeIds ??= zeros_like(inputIds);
        var embeddings = word_embeddings.forward(inputIds) + position_embeddings.forward(positionIds) + token_type_embeddings.forward(tokenTypeIds);  // 3 x (B, T, H) summed
        return dropout.forward(Autocast.LayerNorm(layerNorm, embeddings)).MoveToOuterDisposeScope();  // (B, T, H)
    }
}
