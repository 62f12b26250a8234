using CharBert.Metrics.Robustness;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class RobustnessSummaryTests
{
    [Test]
    public void Relative_drop_is_share_of_clean_score_lost()
    {
        Assert.That(RobustnessSummary.RelativeDrop(0.9, 0.45), Is.EqualTo(0.5).Within(1e-12));
        Assert.That(RobustnessSummary.RelativeDrop(0.8, 0.88), Is.EqualTo(-0.1).Within(1e-12));
        Assert.Throws<ArgumentException>(() => RobustnessSummary.RelativeDrop(0, 0.1));
    }

    [Test]
    public void Seed_summary_uses_sample_standard_deviation()
    {
        // mean 2.5; squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5; / (n-1 = 3) -> std sqrt(5/3)
        var s = RobustnessSummary.OverSeeds([1, 2, 3, 4]);
        Assert.That(s.Mean, Is.EqualTo(2.5).Within(1e-12));
        Assert.That(s.StandardDeviation, Is.EqualTo(Math.Sqrt(5.0 / 3)).Within(1e-12));
        Assert.That(RobustnessSummary.OverSeeds([7]).StandardDeviation, Is.EqualTo(0));
    }
}
