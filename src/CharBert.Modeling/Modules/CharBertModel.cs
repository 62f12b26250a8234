using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>The CharBERT encoder (original CharBertModel): token embeddings + char embeddings → two-channel encoder
/// → one pooler applied to both channels.</summary>
public sealed class CharBertModel : nn.Module<ModelBatch, EncoderOutput>, IEncoderModel
{
    private readonly BertEmbeddings embeddings;
    private readonly CharBertEmbeddings char_embeddings;
    private readonly CharBertEncoder encoder;
    private readonly BertPooler pooler;

    public CharBertConfig Config { get; }
    public bool HasCharChannel => true;
    public BertEmbeddings Embeddings => embeddings;
    public CharBertEmbeddings CharEmbeddings => char_embeddings;

    public CharBertModel(CharBertConfig config) : base(nameof(CharBertModel))
    {
        Config = config;
        embeddings = new BertEmbeddings(config);
        char_embeddings = new CharBertEmbeddings(config);
        encoder = new CharBertEncoder(config);
        pooler = new BertPooler(config);
        RegisterComponents();
    }

    public EncoderOutput Encode(ModelBatch batch, bool outputHiddenStates = false)
    {
        if (batch.CharInputIds is null || batch.StartIds is null || batch.EndIds is null)
            throw new ArgumentException("CharBERT needs CharInputIds, StartIds and EndIds in the batch");
        using var scope = NewDisposeScope();
        var tokenEmbeddings = embeddings.forward(batch.InputIds, batch.TokenTypeIds);  // (B, T) -> (B, T, H)
        var charEmbeddings = char_embeddings.forward(batch.CharInputIds, batch.StartIds, batch.EndIds);  // (B, C) -> (B, T, H)
        var mask = AttentionMask.ToAdditive(batch.AttentionMask, tokenEmbeddings.dtype);  // (B, T) -> (B, 1, 1, T)
        var layers = outputHiddenStates ? new List<(Tensor Token, Tensor Char)>() : null;
        var (sequence, chars) = encoder.Run(tokenEmbeddings, charEmbeddings, mask, layers);  // 2 x (B, T, H)
        var output = new EncoderOutput
        {
            SequenceOutput = sequence.MoveToOuterDisposeScope(),
            CharSequenceOutput = chars.MoveToOuterDisposeScope(),
            PooledOutput = pooler.forward(sequence).MoveToOuterDisposeScope(),  // (B, H)
            CharPooledOutput = pooler.forward(chars).MoveToOuterDisposeScope(),  // (B, H)
            TokenEmbeddings = tokenEmbeddings.MoveToOuterDisposeScope(),
            CharEmbeddings = charEmbeddings.MoveToOuterDisposeScope(),
            TokenHiddenStates = layers?.Select(l => l.Token.MoveToOuterDisposeScope()).Prepend(tokenEmbeddings.alias().MoveToOuterDisposeScope()).ToList(),
            CharHiddenStates = layers?.Select(l => l.Char.MoveToOuterDisposeScope()).Prepend(charEmbeddings.alias().MoveToOuterDisposeScope()).ToList(),
        };
        return output;
    }

    public override EncoderOutput forward(ModelBatch batch) => Encode(batch);
}
