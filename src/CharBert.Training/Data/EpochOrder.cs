using CharBert.Attacks.Randomness;

namespace CharBert.Training.Data;

/// <summary>The example order of one epoch: a Fisher-Yates shuffle driven by a generator derived only from
/// (seed, epoch), so the order of any epoch can be recomputed on resume without saving generator state.</summary>
public static class EpochOrder
{
    public static int[] Shuffled(int count, int seed, int epoch)
    {
        var order = Enumerable.Range(0, count).ToArray();
        var rng = SplitMix64.ForRecord((ulong)seed, $"epoch-order/{epoch}");
        for (var i = count - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (order[i], order[j]) = (order[j], order[i]);
        }
        return order;
    }

    /// <summary>The epoch's order cut into batches (the last may be short).</summary>
    public static IReadOnlyList<int[]> Batches(int count, int batchSize, int seed, int epoch) =>
        Shuffled(count, seed, epoch).Chunk(batchSize).ToArray();

    /// <summary>Sequential batches for evaluation.</summary>
    public static IReadOnlyList<int[]> Sequential(int count, int batchSize) =>
        Enumerable.Range(0, count).Chunk(batchSize).ToArray();
}
