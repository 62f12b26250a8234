using CharBert.Modeling.Modules;
using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>CharBertForTokenClassification / BertForTokenClassification: features → dropout → linear; the loss is
/// cross-entropy over attention-mask positions only (labels -100 ignored as well).
/// Shapes: B batch, T subword positions, H hidden size, F feature width (2H with the char channel, else H), L labels.</summary>
public sealed class TokenClassificationModel : TaskModel
{
    private readonly nn.Module<ModelBatch, EncoderOutput> bert;
    private readonly Dropout dropout;
    private readonly Linear classifier;

    public TokenClassificationModel(ModelKind kind, CharBertConfig config, int numLabels)
        : base(nameof(TokenClassificationModel), kind, TaskHeadKind.TokenClassification, config, numLabels)
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
        var logits = Autocast.ToFloat32(Autocast.Linear(classifier, dropout.forward(SequenceFeatures(encoded))));  // (B, T, F) -> (B, T, L)
        Tensor? loss = null;
        if (batch.TokenLabels is { } labels)
        {
            // Same mean as the original's boolean selection of active positions: inactive ones are ignored.
            var active = where(batch.AttentionMask.view(-1) == 1, labels.view(-1), tensor(-100L, device: labels.device));  // (B*T)
            loss = nn.functional.cross_entropy(logits.view(-1, NumLabels), active, ignore_index: -100);  // (B*T, L) vs (B*T) -> scalar
        }
        return new TaskOutput { Logits = logits, Loss = loss, Encoder = encoded }.MoveToOuterDisposeScope();
    }
}
