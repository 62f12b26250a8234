using CharBert.Modeling;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.Support;

/// <summary>A tiny stand-in model for trainer tests: mean of embeddings, dropout (so RNG state matters for
/// resume), LayerNorm (so the no-decay group is exercised) and a linear classifier.</summary>
public sealed class BagOfWordsClassifier : nn.Module
{
    readonly Embedding embedding;
    readonly Dropout dropout;
    readonly LayerNorm LayerNorm;
    readonly Linear classifier;

    public BagOfWordsClassifier(int vocabSize, int hidden = 16) : base(nameof(BagOfWordsClassifier))
    {
        embedding = nn.Embedding(vocabSize, hidden);
        dropout = nn.Dropout(0.1);
        LayerNorm = nn.LayerNorm(hidden);
        classifier = nn.Linear(hidden, 2);
        RegisterComponents();
    }

    public Tensor Logits(ModelBatch batch) => classifier.forward(LayerNorm.forward(dropout.forward(embedding.forward(batch.InputIds).mean([1]))));

    public Tensor Loss(ModelBatch batch) => nn.functional.cross_entropy(Logits(batch), batch.SequenceLabels!);

    public double Accuracy(KeywordSentences data)
    {
        using var scope = NewDisposeScope();
        using var batch = data.Collate(Enumerable.Range(0, data.Count).ToArray(), 0);
        var predicted = Logits(batch).argmax(1).data<long>().ToArray();
        return Enumerable.Range(0, data.Count).Count(i => predicted[i] == data.Label(i)) / (double)data.Count;
    }
}
