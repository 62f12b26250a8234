using CharBert.Modeling;
using CharBert.Modeling.Modules;
using CharBert.Training.Data;

namespace CharBert.Training.PreTraining;

/// <summary>Featurised pre-training blocks as model batches: the inputs plus MLM labels (token channel) and
/// term labels (char channel), -1 = ignore.</summary>
public sealed class PretrainingBatchSource(IReadOnlyList<PretrainingExample> examples) : IBatchSource
{
    public int Count => examples.Count;

    public ModelBatch Collate(IReadOnlyList<int> exampleIndices, int epoch)
    {
        var features = exampleIndices.Select(i => examples[i].Features).ToArray();
        var chosen = exampleIndices.Select(i => examples[i]).ToArray();
        using var inputs = FeatureCollator.Collate(features, Enumerable.Range(0, features.Length).ToArray());
        return new ModelBatch
        {
            InputIds = inputs.InputIds.alias(), AttentionMask = inputs.AttentionMask.alias(), TokenTypeIds = inputs.TokenTypeIds!.alias(),
            CharInputIds = inputs.CharInputIds!.alias(), StartIds = inputs.StartIds!.alias(), EndIds = inputs.EndIds!.alias(),
            MaskedLmLabels = FeatureCollator.Stack(chosen, e => e.MaskedLmLabels),
            TermLabels = FeatureCollator.Stack(chosen, e => e.TermLabels),
        };
    }
}
