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

    /// <summary>Hugging Face's group_by_length (LengthGroupedSampler): the epoch's shuffled order is cut into mega-batches
    /// of <paramref name="megaBatchFactor"/> x batch size examples, each sorted by length (longest first) and cut into
    /// batches, so a batch holds examples of similar length and padding to its longest wastes little. Which examples
    /// meet in a batch is still random, and so is the order of the batches (shuffled from (seed, epoch)).</summary>
    public static IReadOnlyList<int[]> LengthGroupedBatches(IReadOnlyList<int> lengths, int batchSize, int seed, int epoch, int megaBatchFactor = 50)
    {
        var batches = Shuffled(lengths.Count, seed, epoch).Chunk(batchSize * megaBatchFactor)
            .SelectMany(mega => mega.OrderByDescending(i => lengths[i]).ThenBy(i => i).Chunk(batchSize)).ToArray();
        var rng = SplitMix64.ForRecord((ulong)seed, $"length-grouped-batches/{epoch}");
        for (var i = batches.Length - 1; i > 0; i--)
        {
            var j = rng.NextInt(i + 1);
            (batches[i], batches[j]) = (batches[j], batches[i]);
        }
        return batches;
    }

    /// <summary>Evaluation batches of similar length (indices sorted by length, longest first; ties in index order).</summary>
    public static IReadOnlyList<int[]> SortedByLength(IReadOnlyList<int> lengths, int batchSize) =>
        Enumerable.Range(0, lengths.Count).OrderByDescending(i => lengths[i]).ThenBy(i => i).Chunk(batchSize).ToArray();

    /// <summary>Sequential batches for evaluation.</summary>
    public static IReadOnlyList<int[]> Sequential(int count, int batchSize) =>
        Enumerable.Range(0, count).Chunk(batchSize).ToArray();
}
