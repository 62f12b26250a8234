using CharBert.Modeling;
using CharBert.Text.Featurization;

namespace CharBert.Training.Data;

/// <summary>A fixed list of featurised examples as training data; with <paramref name="padToLongest"/> each batch is cut
/// to its longest sequence (<see cref="FeatureCollator.TrimToLongest"/>).</summary>
public sealed class FeatureBatchSource(IReadOnlyList<InputFeatures> features, bool padToLongest = false) : ILengthAwareBatchSource
{
    public int Count => features.Count;
    public IReadOnlyList<int> Lengths { get; } = features.Select(FeatureCollator.Length).ToArray();
    public ModelBatch Collate(IReadOnlyList<int> exampleIndices, int epoch) => FeatureCollator.Collate(features, exampleIndices, padToLongest);
}
