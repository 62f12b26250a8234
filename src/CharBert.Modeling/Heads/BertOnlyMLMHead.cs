using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>Original BertOnlyMLMHead: holds the prediction head under "predictions".</summary>
public sealed class BertOnlyMLMHead : nn.Module<Tensor, Tensor?, (Tensor Scores, Tensor? TermScores)>
{
    private readonly BertLMPredictionHead predictions;

    public BertOnlyMLMHead(CharBertConfig config, Func<Tensor> wordEmbeddings, bool withTermHead) : base(nameof(BertOnlyMLMHead))
    {
        predictions = new BertLMPredictionHead(config, wordEmbeddings, withTermHead);
        RegisterComponents();
    }

    public override (Tensor Scores, Tensor? TermScores) forward(Tensor sequenceOutput, Tensor? charSequenceOutput) =>
        predictions.forward(sequenceOutput, charSequenceOutput);
}
