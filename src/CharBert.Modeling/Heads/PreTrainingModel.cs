using static TorchSharp.torch;

namespace CharBert.Modeling;

/// <summary>CharBertForMaskedLM (MLM on the token channel + NLM term prediction on the char channel) / BertForMaskedLM.
/// Labels -1 and -100 are ignored; Loss = MaskedLmLoss + TermLoss (those present).</summary>
public sealed class PreTrainingModel : TaskModel
{
    private readonly nn.Module<ModelBatch, EncoderOutput> bert;
    private readonly BertOnlyMLMHead cls;

    public PreTrainingModel(ModelKind kind, CharBertConfig config)
        : base(nameof(PreTrainingModel), kind, TaskHeadKind.PreTraining, config, config.VocabSize)
    {
        bert = CreateEncoder(kind, config);
        var embeddings = bert is CharBertModel c ? c.Embeddings : ((BertModel)bert).Embeddings;
        cls = new BertOnlyMLMHead(config, () => embeddings.WordEmbeddingWeight, withTermHead: ((IEncoderModel)bert).HasCharChannel);
        RegisterComponents();
    }

    public override IEncoderModel Encoder => (IEncoderModel)bert;

    public override TaskOutput forward(ModelBatch batch)
    {
        using var scope = NewDisposeScope();
        var encoded = bert.forward(batch);
        var (predictionScores, termScores) = cls.forward(encoded.SequenceOutput, encoded.CharSequenceOutput);
        var mlmLoss = batch.MaskedLmLabels is { } mlmLabels ? IgnoringCrossEntropy(predictionScores, mlmLabels) : null;
        var termLoss = batch.TermLabels is { } termLabels && termScores is not null ? IgnoringCrossEntropy(termScores, termLabels) : null;
        var loss = (mlmLoss, termLoss) switch
        {
            ({ } m, { } t) => m + t,
            ({ } m, null) => m.alias(),
            (null, { } t) => t.alias(),
            _ => null,
        };
        return new TaskOutput
        {
            Logits = predictionScores.alias(), PredictionScores = predictionScores, TermScores = termScores,
            MaskedLmLoss = mlmLoss, TermLoss = termLoss, Loss = loss, Encoder = encoded,
        }.MoveToOuterDisposeScope();
    }

    /// <summary>Mean cross-entropy over the labelled positions. The original ignores -1; the toolkit's batches may use
    /// -100: both are ignored. A batch without any labelled position (possible with small blocks: MLM and NLM pick
    /// positions at random) contributes 0, where PyTorch's mean over no element gives NaN.</summary>
    private static Tensor IgnoringCrossEntropy(Tensor scores, Tensor labels)
    {
        var flat = labels.view(-1);
        flat = where(flat == -100, tensor(-1L, device: flat.device), flat);
        var total = nn.functional.cross_entropy(scores.view(-1, scores.shape[^1]), flat, ignore_index: -1, reduction: nn.Reduction.Sum);
        return total / (flat != -1).sum().clamp_min(1);
    }
}
