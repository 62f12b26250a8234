using CharBert.Text.Corpora;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

public class DeterministicSplitTests
{
    [Test]
    public void Split_is_a_partition_with_the_requested_sizes()
    {
        var items = Enumerable.Range(0, 103).ToList();
        var (train, dev, test) = DeterministicSplit.Split(items, seed: 7);
        // floor(103 * 0.8) = 82, floor(103 * 0.1) = 10, remainder 11
        Assert.That((train.Count, dev.Count, test.Count), Is.EqualTo((82, 10, 11)));
        Assert.That(train.Concat(dev).Concat(test).Order(), Is.EqualTo(items));
    }

    [Test]
    public void Same_seed_same_split_other_seed_other_split()
    {
        var items = Enumerable.Range(0, 50).ToList();
        Assert.That(DeterministicSplit.Split(items, 1).Test, Is.EqualTo(DeterministicSplit.Split(items, 1).Test));
        Assert.That(DeterministicSplit.Split(items, 1).Test, Is.Not.EqualTo(DeterministicSplit.Split(items, 2).Test));
    }
}
