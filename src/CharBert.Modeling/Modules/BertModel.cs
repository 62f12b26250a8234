using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>The BERT baseline encoder (Hugging Face BertModel layout): embeddings → encoder → [CLS] pooler.</summary>
public sealed class BertModel : nn.Module<ModelBatch, EncoderOutput>, IEncoderModel
{
    private readonly BertEmbeddings embeddings;
    private readonly BertEncoder encoder;
    private readonly BertPooler pooler;

    public CharBertConfig Config { get; }
    public bool HasCharChannel => false;
    public BertEmbeddings Embeddings => embeddings;

    public BertModel(CharBertConfig config) : base(nameof(BertModel))
    {
        Config = config;
        embeddings = new BertEmbeddings(config);
        encoder = new BertEncoder(config);
        pooler = new BertPooler(config);
        RegisterComponents();
    }

    public EncoderOutput Encode(ModelBatch batch, bool outputHiddenStates = false)
    {
        using var scope = NewDisposeScope();
        var tokenEmbeddings = embeddings.forward(batch.InputIds, batch.TokenTypeIds);  // (B, T) -> (B, T, H)
        var mask = AttentionMask.ToAdditive(batch.AttentionMask, tokenEmbeddings.dtype);  // (B, T) -> (B, 1, 1, T)
        var layers = outputHiddenStates ? new List<Tensor>() : null;
        var sequence = encoder.Run(tokenEmbeddings, mask, layers);  // (B, T, H)
        return new EncoderOutput
        {
            SequenceOutput = sequence.MoveToOuterDisposeScope(),
            PooledOutput = pooler.forward(sequence).MoveToOuterDisposeScope(),  // (B, H)
            TokenEmbeddings = tokenEmbeddings.MoveToOuterDisposeScope(),
            TokenHiddenStates = layers?.Select(l => l.MoveToOuterDisposeScope()).Prepend(tokenEmbeddings.alias().MoveToOuterDisposeScope()).ToList(),
        };
    }

    public override EncoderOutput forward(ModelBatch batch) => Encode(batch);
}
