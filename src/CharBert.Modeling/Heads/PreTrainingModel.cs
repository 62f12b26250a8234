using static TorchSharp.torch;

using CharBert.Modeling.Modules;

namespace CharBert.Modeling.Heads;

/// <summary>CharBertForMaskedLM (MLM on the token channel + NLM term prediction on the char channel) / BertForMaskedLM.
/// Labels -1 and -100 are ignored; Loss = MaskedLmLoss + TermLoss (those present).
/// Shapes: B batch, T subword positions, H hidden size, V vocabulary, M labelled positions in the batch.</summary>
public sealed class PreTrainingModel : TaskModel
{
    /// <summary>When set and labels are given, the MLM and NLM decoders run only at the labelled positions (about a tenth
    /// of them): the losses are the same (cross-entropy averaged over the labelled positions), the vocabulary-sized
    /// projections cost a tenth. PredictionScores and TermScores then hold one row per labelled position (in row-major
    /// position order), not one per position. Used by pre-training; off by default (the original scores every position).</summary>
    public bool ScoreLabelledPositionsOnly { get; set; }

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
        Tensor predictionScores;
        Tensor? termScores, mlmLoss, termLoss;
        if (ScoreLabelledPositionsOnly && batch.MaskedLmLabels is { } sparseMlm)
        {
            var (mlmRows, mlmTargets) = Labelled(encoded.SequenceOutput, sparseMlm);
            Tensor? charRows = null, termTargets = null;
            if (batch.TermLabels is { } sparseTerm && encoded.CharSequenceOutput is { } chars) (charRows, termTargets) = Labelled(chars, sparseTerm);
            (predictionScores, termScores) = cls.forward(mlmRows, charRows);
            mlmLoss = MeanCrossEntropy(predictionScores, mlmTargets);
            termLoss = termScores is not null ? MeanCrossEntropy(termScores, termTargets!) : null;
        }
        else
        {
            (predictionScores, termScores) = cls.forward(encoded.SequenceOutput, encoded.CharSequenceOutput);
            mlmLoss = batch.MaskedLmLabels is { } mlmLabels ? IgnoringCrossEntropy(predictionScores, mlmLabels) : null;
            termLoss = batch.TermLabels is { } termLabels && termScores is not null ? IgnoringCrossEntropy(termScores, termLabels) : null;
        }
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

    /// <summary>The rows of (B, T, H) <paramref name="states"/> whose label is not ignored (-1 or -100): (M, H), and those labels (M).</summary>
    private static (Tensor Rows, Tensor Targets) Labelled(Tensor states, Tensor labels)
    {
        var flat = labels.reshape(-1);  // (B, T) -> (B*T)
        var keep = (flat >= 0).nonzero().squeeze(1);                                   // (M)
        return (states.reshape(-1, states.shape[^1]).index_select(0, keep), flat.index_select(0, keep));  // (B*T, H) -> (M, H); (M)
    }

    /// <summary>Mean cross-entropy over the rows; 0 (with a gradient path) when no position is labelled.</summary>
    private static Tensor MeanCrossEntropy(Tensor scores, Tensor targets) =>
        targets.shape[0] == 0 ? scores.sum() * 0 : nn.functional.cross_entropy(scores, targets);

    /// <summary>Mean cross-entropy over the labelled positions. The original ignores -1; the toolkit's batches may use
    /// -100: both are ignored. A batch without any labelled position (possible with small blocks: MLM and NLM pick
    /// positions at random) contributes 0, where PyTorch's mean over no element gives NaN.</summary>
    private static Tensor IgnoringCrossEntropy(Tensor scores, Tensor labels)
    {
        var flat = labels.view(-1);  // (B, T) -> (B*T)
        flat = where(flat == -100, tensor(-1L, device: flat.device), flat);
        var total = nn.functional.cross_entropy(scores.view(-1, scores.shape[^1]), flat, ignore_index: -1, reduction: nn.Reduction.Sum);
        return total / (flat != -1).sum().clamp_min(1);
    }
}
