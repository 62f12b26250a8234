using CharBert.Modeling;
using CharBert.Text.Featurization;

namespace CharBert.Training.Data;

/// <summary>A fixed list of featurised examples as training data.</summary>
public sealed class FeatureBatchSource(IReadOnlyList<InputFeatures> features) : IBatchSource
{
    public int Count => features.Count;
    public ModelBatch Collate(IReadOnlyList<int> exampleIndices, int epoch) => FeatureCollator.Collate(features, exampleIndices);
}
