namespace CharBert.Text.Corpora;

/// <summary>Train/dev/test assignment that depends only on the items' order and a seed. Shuffles with
/// <see cref="Random"/>(seed), whose seeded sequence .NET keeps stable across versions, then cuts the
/// shuffled list at the given fractions (rounded down; test gets the remainder).</summary>
public static class DeterministicSplit
{
    public const int DefaultSeed = 42;

    public static (List<T> Train, List<T> Dev, List<T> Test) Split<T>(
        IReadOnlyList<T> items, int seed = DefaultSeed, double trainFraction = 0.8, double devFraction = 0.1)
    {
        if (trainFraction < 0 || devFraction < 0 || trainFraction + devFraction > 1)
            throw new ArgumentException($"bad split fractions train={trainFraction} dev={devFraction}");
        var shuffled = items.ToArray();
        new Random(seed).Shuffle(shuffled);
        var trainCount = (int)(shuffled.Length * trainFraction);
        var devCount = (int)(shuffled.Length * devFraction);
        return (shuffled[..trainCount].ToList(), shuffled[trainCount..(trainCount + devCount)].ToList(),
            shuffled[(trainCount + devCount)..].ToList());
    }
}
