using CharBert.Training.Data;
using NUnit.Framework;

namespace CharBert.Training.Tests;

/// <summary>The CUDA generator's per-batch seed must depend only on (seed, epoch, batch), so a resumed run reseeds it
/// exactly as the uninterrupted run did, and must differ between batches so dropout masks do not repeat.</summary>
public class CudaBatchSeedTests
{
    [Test]
    public void TheSeedIsAFunctionOfTheDataPositionAndDiffersBetweenBatches()
    {
        var seeds = (from epoch in Enumerable.Range(0, 3) from batch in Enumerable.Range(0, 200) select CudaBatchSeed.For(7, epoch, batch)).ToList();
        Assert.That(seeds.Distinct().Count(), Is.EqualTo(seeds.Count));
        Assert.That(seeds, Is.All.GreaterThanOrEqualTo(0L), "torch seeds are non-negative here");
        Assert.That(CudaBatchSeed.For(7, 1, 5), Is.EqualTo(seeds[200 + 5]));
        Assert.That(CudaBatchSeed.For(8, 1, 5), Is.Not.EqualTo(CudaBatchSeed.For(7, 1, 5)));
    }
}
