using CharBert.Modeling.Modules;
using CharBert.Modeling.Precision;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>CharBertForQuestionAnswering / BertForQuestionAnswering: features → linear(2) → start/end logits.
/// Loss: positions are clamped to [0, T] and T is ignored (spans outside the window), mean of start and end CE.
/// Shapes: B batch, T subword positions, H hidden size, F feature width (2H with the char channel, else H), L labels.</summary>
public sealed class QuestionAnsweringModel : TaskModel
{
    private readonly nn.Module<ModelBatch, EncoderOutput> bert;
    private readonly Linear qa_outputs;

    public QuestionAnsweringModel(ModelKind kind, CharBertConfig config)
        : base(nameof(QuestionAnsweringModel), kind, TaskHeadKind.QuestionAnswering, config, 2)
    {
        bert = CreateEncoder(kind, config);
        qa_outputs = nn.Linear(FeatureWidth(bert, config), 2);
        RegisterComponents();
    }

    public override IEncoderModel Encoder => (IEncoderModel)bert;

    public override TaskOutput forward(ModelBatch batch)
    {
        using var scope = NewDisposeScope();
        var encoded = bert.forward(batch);
        var logits = Autocast.ToFloat32(Autocast.Linear(qa_outputs, SequenceFeatures(encoded)));  // (B, T, F) -> (B, T, 2)
        var startLogits = logits.select(-1, 0);  // (B, T)
        var endLogits = logits.select(-1, 1);  // (B, T)
        Tensor? loss = null;
        if (batch.StartPositions is { } starts && batch.EndPositions is { } ends)
        {
            var ignored = startLogits.shape[1];
            var startLoss = nn.functional.cross_entropy(startLogits, starts.view(-1).clamp(0, ignored), ignore_index: ignored);  // (B, T) vs (B) -> scalar
            var endLoss = nn.functional.cross_entropy(endLogits, ends.view(-1).clamp(0, ignored), ignore_index: ignored);
            loss = (startLoss + endLoss) / 2;
        }
        return new TaskOutput { Logits = logits, StartLogits = startLogits, EndLogits = endLogits, Loss = loss, Encoder = encoded }
            .MoveToOuterDisposeScope();
    }
}
