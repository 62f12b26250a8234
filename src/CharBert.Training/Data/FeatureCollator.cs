using CharBert.Modeling;
using CharBert.Text.Featurization;
using static TorchSharp.torch;

namespace CharBert.Training.Data;

/// <summary>Stacks featurised examples into an int64 <see cref="ModelBatch"/> on the CPU. Label tensors are
/// present only when every selected example carries that label.</summary>
public static class FeatureCollator
{
    public static ModelBatch Collate(IReadOnlyList<InputFeatures> features, IReadOnlyList<int> indices)
    {
        if (indices.Count == 0) throw new ArgumentException("cannot collate an empty batch");
        var chosen = indices.Select(i => features[i]).ToArray();
        return new ModelBatch
        {
            InputIds = Stack(chosen, f => f.InputIds),
            AttentionMask = Stack(chosen, f => f.AttentionMask),
            TokenTypeIds = Stack(chosen, f => f.TokenTypeIds),
            CharInputIds = Stack(chosen, f => f.CharInputIds),
            StartIds = Stack(chosen, f => f.StartIds),
            EndIds = Stack(chosen, f => f.EndIds),
            SequenceLabels = chosen.All(f => f.LabelId.HasValue) ? tensor(chosen.Select(f => (long)f.LabelId!.Value).ToArray()) : null,
            TokenLabels = chosen.All(f => f.LabelIds is not null) ? Stack(chosen, f => f.LabelIds!) : null,
            StartPositions = chosen.All(f => f.StartPosition.HasValue) ? tensor(chosen.Select(f => (long)f.StartPosition!.Value).ToArray()) : null,
            EndPositions = chosen.All(f => f.EndPosition.HasValue) ? tensor(chosen.Select(f => (long)f.EndPosition!.Value).ToArray()) : null,
        };
    }

    /// <summary>(B, L) int64 from equal-length int rows.</summary>
    public static Tensor Stack<T>(IReadOnlyList<T> rows, Func<T, int[]> select)
    {
        var width = select(rows[0]).Length;
        var flat = new long[rows.Count * width];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = select(rows[r]);
            if (row.Length != width)
                throw new ArgumentException($"cannot batch rows of different lengths ({row.Length} vs {width}); featurise with one max_seq_length");
            for (var c = 0; c < width; c++) flat[r * width + c] = row[c];
        }
        return tensor(flat, [rows.Count, width]);
    }
}
