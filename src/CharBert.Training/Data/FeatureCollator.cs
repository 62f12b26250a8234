using CharBert.Modeling;
using CharBert.Modeling.Modules;
using CharBert.Text.Featurization;
using static TorchSharp.torch;

namespace CharBert.Training.Data;

/// <summary>Stacks featurised examples into an int64 <see cref="ModelBatch"/> on the CPU. Label tensors are
/// present only when every selected example carries that label.</summary>
public static class FeatureCollator
{
    /// <summary>With <paramref name="padToLongest"/> the batch is cut to its longest sequence (dynamic padding), as if it had
    /// been featurised with that max_seq_length: see <see cref="TrimToLongest"/>.</summary>
    public static ModelBatch Collate(IReadOnlyList<InputFeatures> features, IReadOnlyList<int> indices, bool padToLongest = false)
    {
        if (indices.Count == 0) throw new ArgumentException("cannot collate an empty batch");
        var chosen = indices.Select(i => features[i]).ToArray();
        if (padToLongest) chosen = TrimToLongest(chosen);
        return new ModelBatch
        {
            InputIds = Stack(chosen, f => f.InputIds),  // (B, T)
            AttentionMask = Stack(chosen, f => f.AttentionMask),
            TokenTypeIds = Stack(chosen, f => f.TokenTypeIds),
            CharInputIds = Stack(chosen, f => f.CharInputIds),  // (B, C)
            StartIds = Stack(chosen, f => f.StartIds),  // (B, T) indices into C
            EndIds = Stack(chosen, f => f.EndIds),
            SequenceLabels = chosen.All(f => f.LabelId.HasValue) ? tensor(chosen.Select(f => (long)f.LabelId!.Value).ToArray()) : null,  // (B)
            TokenLabels = chosen.All(f => f.LabelIds is not null) ? Stack(chosen, f => f.LabelIds!) : null,  // (B, T)
            StartPositions = chosen.All(f => f.StartPosition.HasValue) ? tensor(chosen.Select(f => (long)f.StartPosition!.Value).ToArray()) : null,  // (B)
            EndPositions = chosen.All(f => f.EndPosition.HasValue) ? tensor(chosen.Select(f => (long)f.EndPosition!.Value).ToArray()) : null,  // (B)
        };
    }

    /// <summary>Sequence length of a featurised example: the last attended position + 1.</summary>
    public static int Length(InputFeatures features) => Array.LastIndexOf(features.AttentionMask, 1) + 1;

    /// <summary>The examples cut to the batch's longest sequence L: token arrays to L positions, the character sequence to
    /// 6 x L (the original's char_maxlen for max_seq_length L) or further when a long word needs it, and the start/end
    /// ids of padding positions, which point at the last character slot, re-pointed at the new last slot. For BERT this
    /// changes no output (padding is masked out of attention). CharBERT's outputs do depend slightly on the padding, as
    /// in the original with another max_seq_length: its BiGRU also runs over padding characters, its fusion conv sees
    /// the first padding position beside the last token, and its original sequence pooling averages padding in.</summary>
    public static InputFeatures[] TrimToLongest(IReadOnlyList<InputFeatures> examples)
    {
        var fullLength = examples[0].InputIds.Length;
        var length = examples.Max(Length);
        if (length >= fullLength) return examples.ToArray();
        var fullChars = examples[0].CharInputIds.Length;
        var usedChars = examples.Max(f => f.EndIds.Take(Length(f)).DefaultIfEmpty(-1).Max() + 2); // last char + its 0 separator
        var chars = Math.Min(fullChars, Math.Max(CharFeaturizerRatio(fullChars, fullLength) * length, usedChars));
        int[] Cut(int[] row) => row[..length];
        int[] Repoint(int[] ids) => ids[..length].Select(i => Math.Min(i, chars - 1)).ToArray();
        return examples.Select(f => f with
        {
            InputIds = Cut(f.InputIds), AttentionMask = Cut(f.AttentionMask), TokenTypeIds = Cut(f.TokenTypeIds),
            CharInputIds = f.CharInputIds[..chars], StartIds = Repoint(f.StartIds), EndIds = Repoint(f.EndIds),
            LabelIds = f.LabelIds is { } labels ? Cut(labels) : null,
        }).ToArray();
    }

    static int CharFeaturizerRatio(int chars, int positions) => Math.Max(1, chars / positions);

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
