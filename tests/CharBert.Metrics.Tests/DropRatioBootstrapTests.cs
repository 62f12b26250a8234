using CharBert.Metrics.Robustness;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class DropRatioBootstrapTests
{
    static SentenceOutcomes Outcomes(double[][] clean, double[][] attacked) => SentenceOutcomes.FromCorrect(clean, attacked);

    // One seed, two sentences. Candidate: clean correct {4, 6}, attacked {3, 3}; baseline: clean {5, 5}, attacked {2, 4}.
    // The relative drop of a multiset of sentences is 1 - sum(attacked) / sum(clean). The 4 ordered resamples:
    //   (1,1): candidate 1 - 6/8  = 0.25, baseline 1 - 4/10 = 0.6 -> ratio 5/12   (probability 1/4)
    //   (1,2), (2,1): candidate 1 - 6/10 = 0.4, baseline 1 - 6/10 = 0.4 -> ratio 1   (probability 1/2)
    //   (2,2): candidate 1 - 6/12 = 0.5, baseline 1 - 8/10 = 0.2 -> ratio 2.5      (probability 1/4)
    // Both tails of a 95% interval lie inside the 25% end atoms, so the interval is [5/12, 2.5]; the estimate is (1,2)'s 1.
    static readonly SentenceOutcomes SentenceCandidate = Outcomes([[4, 6]], [[3, 3]]);
    static readonly SentenceOutcomes SentenceBaseline = Outcomes([[5, 5]], [[2, 4]]);

    // Two seeds, one sentence (sentence resampling is then trivial). Candidate drops 0.5 (seed 1) and 0.1 (seed 2),
    // baseline 0.5 and 0.5. Seed resamples: (1,1) ratio 0.5/0.5 = 1; (1,2), (2,1): 0.3/0.5 = 0.6; (2,2): 0.1/0.5 = 0.2.
    static readonly SentenceOutcomes SeedCandidate = Outcomes([[10], [10]], [[5], [9]]);
    static readonly SentenceOutcomes SeedBaseline = Outcomes([[10], [10]], [[5], [5]]);

    [Test]
    public void Exact_distribution_matches_the_hand_enumeration()
    {
        var sentences = DropRatioBootstrap.ExactDistribution(SentenceCandidate, SentenceBaseline);
        Assert.That(sentences.Select(o => o.Ratio), Is.EqualTo(new[] { 5.0 / 12, 1.0, 2.5 }).Within(1e-12));
        Assert.That(sentences.Select(o => o.Probability), Is.EqualTo(new[] { 0.25, 0.5, 0.25 }).Within(1e-12));

        var seeds = DropRatioBootstrap.ExactDistribution(SeedCandidate, SeedBaseline);
        Assert.That(seeds.Select(o => o.Ratio), Is.EqualTo(new[] { 0.2, 0.6, 1.0 }).Within(1e-12));
        Assert.That(seeds.Select(o => o.Probability), Is.EqualTo(new[] { 0.25, 0.5, 0.25 }).Within(1e-12));
    }

    [Test]
    public void Sampled_interval_reaches_the_hand_computed_one()
    {
        var sentences = DropRatioBootstrap.Estimate(SentenceCandidate, SentenceBaseline, resamples: 4000, seed: 7);
        Assert.That(sentences.Ratio, Is.EqualTo(1.0).Within(1e-12));
        Assert.That(sentences.CandidateDrop, Is.EqualTo(0.4).Within(1e-12));
        Assert.That(sentences.BaselineDrop, Is.EqualTo(0.4).Within(1e-12));
        Assert.That(sentences.Lower, Is.EqualTo(5.0 / 12).Within(1e-12));
        Assert.That(sentences.Upper, Is.EqualTo(2.5).Within(1e-12));
        Assert.That(sentences.ShareBelowOne, Is.EqualTo(0.25).Within(0.03), "only the (1,1) resample has a ratio below 1");

        var seeds = DropRatioBootstrap.Estimate(SeedCandidate, SeedBaseline, resamples: 4000, seed: 7);
        Assert.That(new[] { seeds.Ratio, seeds.Lower, seeds.Upper }, Is.EqualTo(new[] { 0.6, 0.2, 1.0 }).Within(1e-12));
        Assert.That(seeds.IntervalBelowOne, Is.False, "the upper end is exactly 1");
        Assert.That(seeds.ShareBelowOne, Is.EqualTo(0.75).Within(0.03));
    }

    [Test]
    public void A_resample_where_the_baseline_does_not_lose_counts_as_an_infinite_ratio()
    {
        // baseline: sentence 1 loses everything, sentence 2 gains; the (2,2) resample has a negative baseline drop.
        var candidate = Outcomes([[2, 2]], [[1, 1]]);
        var baseline = Outcomes([[2, 1]], [[0, 2]]);
        var exact = DropRatioBootstrap.ExactDistribution(candidate, baseline);
        Assert.That(exact[^1], Is.EqualTo((double.PositiveInfinity, 0.25)));
        var estimate = DropRatioBootstrap.Estimate(candidate, baseline, resamples: 2000);
        Assert.That(estimate.Upper, Is.EqualTo(double.PositiveInfinity));
    }

    [Test]
    public void Micro_f1_parts_give_the_relative_drop_of_the_pooled_score()
    {
        // F1 = 2 TP / (predicted + gold). Clean: sentence 1 TP 2 of 2 gold, 2 predicted; sentence 2 TP 1, 2 gold, 2 predicted
        // -> pooled 2*3 / 8 = 0.75. Attacked: TP 1 and 0, same gold, predicted 2 and 1 -> 2*1 / 7.
        var clean = new SentenceScores([4, 2], [4, 4]);
        var attacked = new SentenceScores([2, 0], [4, 3]);
        var outcomes = new SentenceOutcomes([clean], [attacked]);
        Assert.That(outcomes.RelativeDrop(0, [0, 1]), Is.EqualTo(1 - (2.0 / 7) / 0.75).Within(1e-12));
        Assert.That(outcomes.RelativeDrop(0, [0, 0]), Is.EqualTo(0.5).Within(1e-12), "sentence 1 twice: F1 1 -> 0.5");
    }

    [Test]
    public void Unpaired_designs_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => DropRatioBootstrap.Estimate(SentenceCandidate, SeedBaseline));
        Assert.Throws<ArgumentException>(() => DropRatioBootstrap.Estimate(Outcomes([[1, 2]], [[1]]), SentenceBaseline));
    }

    [Test]
    public void Quantile_interpolates_like_numpy()
    {
        // numpy.quantile([1, 2, 3, 4], 0.1) = 1.3; 0.5 -> 2.5
        Assert.That(DropRatioBootstrap.Quantile([1, 2, 3, 4], 0.1), Is.EqualTo(1.3).Within(1e-12));
        Assert.That(DropRatioBootstrap.Quantile([1, 2, 3, 4], 0.5), Is.EqualTo(2.5).Within(1e-12));
    }
}
