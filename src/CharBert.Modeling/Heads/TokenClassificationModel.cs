using CharBert.Modeling.Modules;
using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>CharBertForTokenClassification / BertForTokenClassification: features → dropout → linear; the loss is
/// cross-entropy over attention-mask positions only (labels -100 ignored as well).</summary>
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
        var logits = Autocast.ToFloat32(Autocast.Linear(classifier, dropout.forward(SequenceFeatures(encoded))));
        Tensor? loss = null;
        if (batch.TokenLabels is { } labels)
        {
            // Same mean as the original's boolean selection of active positions: inactive ones are ignored.
            var active = where(batch.AttentionMask.view(-1) == 1, labels.view(-1), tensor(-100L, device: labels.device));
            loss = nn.functional.cross_entropy(logits.view(-1, NumLabels), active, ignore_index: -100);
        }
        return new TaskOutput { Logits = logits, Loss = loss, Encoder = encoded }.MoveToOuterDisposeScope();
    }
}
