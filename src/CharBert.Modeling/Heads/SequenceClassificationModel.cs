using CharBert.Modeling.Modules;
using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>CharBertForSequenceClassification / BertForSequenceClassification. Pooling (config.sequence_pooling):
/// original = CharBERT's mean over ALL positions (padding included) of concat(token, char), BERT's [CLS] pooler;
/// masked_mean = mean over attention-mask positions; cls_pooler = pooled output(s). One label = regression (MSE).
/// Shapes: B batch, T subword positions, H hidden size, F feature width (2H with the char channel, else H), L labels.</summary>
public sealed class SequenceClassificationModel : TaskModel
{
    private readonly nn.Module<ModelBatch, EncoderOutput> bert;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public SequenceClassificationModel(ModelKind kind, CharBertConfig config, int numLabels)
        : base(nameof(SequenceClassificationModel), kind, TaskHeadKind.SequenceClassification, config, numLabels)
    {
        bert = CreateEncoder(kind, config);
        dropout = nn.Dropout(config.HiddenDropoutProb);
        classifier = nn.Linear(FeatureWidth(bert, config), numLabels);
        RegisterComponents();
    }

    public override IEncoderModel Encoder => (IEncoderModel)bert;

    public override TaskOutput forward(ModelBatch batch)
    {
        using var scope = NewDisposeScope();
        var encoded = bert.forward(batch);
        var logits = Autocast.ToFloat32(Autocast.Linear(classifier, dropout.forward(Pool(encoded, batch.AttentionMask))));  // (B, F) -> (B, L)
        Tensor? loss = null;
        if (batch.SequenceLabels is { } labels)
            loss = NumLabels == 1
                ? nn.functional.mse_loss(logits.view(-1), labels.view(-1).to_type(logits.dtype))
                : nn.functional.cross_entropy(logits.view(-1, NumLabels), labels.view(-1));
        return new TaskOutput { Logits = logits, Loss = loss, Encoder = encoded }.MoveToOuterDisposeScope();
    }

    private Tensor Pool(EncoderOutput encoded, Tensor attentionMask)
    {
        var pooling = Config.SequencePooling;
        if (pooling == SequencePooling.ClsPooler || (pooling == SequencePooling.Original && !encoded.HasCharChannel))
            return encoded.CharPooledOutput is { } charPooled ? cat(new[] { encoded.PooledOutput, charPooled }, -1) : encoded.PooledOutput.alias();  // (B, F)
        var features = SequenceFeatures(encoded);
        if (pooling == SequencePooling.Original) return features.mean(new long[] { 1 });  // (B, T, F) -> (B, F)
        var mask = attentionMask.unsqueeze(-1).to_type(features.dtype);  // (B, T) -> (B, T, 1)
        return (features * mask).sum(1) / mask.sum(1).clamp_min(1.0);  // (B, T, F) -> (B, F) / (B, 1) -> (B, F)
    }
}
