using CharBert.Modeling;
using CharBert.Modeling.Modules;
using CharBert.Training.Data;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.Support;

/// <summary>Synthetic sentence task: random token ids, label 1 exactly when the keyword id occurs.</summary>
public sealed class KeywordSentences : IBatchSource
{
    public const int Keyword = 3;
    public const int VocabSize = 40;
    public const int Length = 8;
    readonly long[][] _tokens;
    readonly long[] _labels;

    public KeywordSentences(int count, int seed)
    {
        var random = new Random(seed);
        _tokens = new long[count][];
        _labels = new long[count];
        for (var i = 0; i < count; i++)
        {
            _tokens[i] = Enumerable.Range(0, Length).Select(_ => (long)random.Next(4, VocabSize)).ToArray();
            if (i % 2 == 0) _tokens[i][random.Next(Length)] = Keyword;
            _labels[i] = _tokens[i].Contains(Keyword) ? 1 : 0;
        }
    }

    public int Count => _labels.Length;
    public long Label(int index) => _labels[index];

    public ModelBatch Collate(IReadOnlyList<int> exampleIndices, int epoch) => new()
    {
        InputIds = tensor(exampleIndices.SelectMany(i => _tokens[i]).ToArray(), [exampleIndices.Count, Length]),
        AttentionMask = ones(exampleIndices.Count, Length, ScalarType.Int64),
        SequenceLabels = tensor(exampleIndices.Select(i => _labels[i]).ToArray()),
    };
}
