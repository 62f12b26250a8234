using CharBert.Modeling.Precision;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>Original BertLMPredictionHead: MLM scores = decoder(transform(token channel)) + bias, the decoder weight
/// TIED to the word embeddings (so it is not a parameter of its own: checkpoints' cls.predictions.decoder.weight is an
/// alias the loader checks); CharBERT's term (NLM) scores = adv_decoder(adv_transform(char channel)).</summary>
public sealed class BertLMPredictionHead : nn.Module<Tensor, Tensor?, (Tensor Scores, Tensor? TermScores)>
{
    private readonly BertPredictionHeadTransform transform;
    private readonly BertPredictionHeadTransform? adv_transform;
    private readonly Linear? adv_decoder;
    private readonly Parameter bias;
    private readonly Func<Tensor> tiedDecoderWeight;

    public BertLMPredictionHead(CharBertConfig config, Func<Tensor> wordEmbeddings, bool withTermHead) : base(nameof(BertLMPredictionHead))
    {
        transform = new BertPredictionHeadTransform(config);
        if (withTermHead)
        {
            adv_transform = new BertPredictionHeadTransform(config);
            adv_decoder = nn.Linear(config.HiddenSize, config.TermVocabSize);
        }
        bias = nn.Parameter(zeros(config.VocabSize));
        // a getter, not the Parameter itself: moving the model to another device replaces the embedding's Parameter
        tiedDecoderWeight = wordEmbeddings;
        RegisterComponents();
    }

    public override (Tensor Scores, Tensor? TermScores) forward(Tensor sequenceOutput, Tensor? charSequenceOutput)
    {
        using var scope = NewDisposeScope();
        var scores = Autocast.ToFloat32(Autocast.Linear(transform.forward(sequenceOutput), tiedDecoderWeight())) + bias;  // (B, T, H) -> (B, T, V); (M, H) -> (M, V) on labelled rows
        var termScores = adv_transform is not null && charSequenceOutput is not null
            ? Autocast.ToFloat32(Autocast.Linear(adv_decoder!, adv_transform.forward(charSequenceOutput))).MoveToOuterDisposeScope()  // (B, T, H) -> (B, T, W), W term vocabulary size
            : null;
        return (scores.MoveToOuterDisposeScope(), termScores);
    }
}
