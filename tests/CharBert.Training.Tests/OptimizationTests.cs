using CharBert.Training.Data;
using CharBert.Training.Optimization;
using CharBert.Training.Tests.Support;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests;

public class OptimizationTests
{
    [Test]
    public void LinearScheduleWarmsUpThenDecaysToZero()
    {
        var schedule = new LinearWarmupSchedule(1e-3, WarmupSteps: 4, TotalSteps: 12);
        // hand-computed: warm-up s/4, then (12 - s) / 8
        Assert.That(schedule.LearningRateAt(0), Is.EqualTo(0));
        Assert.That(schedule.LearningRateAt(2), Is.EqualTo(0.5e-3).Within(1e-15));
        Assert.That(schedule.LearningRateAt(4), Is.EqualTo(1e-3).Within(1e-15));
        Assert.That(schedule.LearningRateAt(8), Is.EqualTo(0.5e-3).Within(1e-15));
        Assert.That(schedule.LearningRateAt(12), Is.EqualTo(0));
        Assert.That(new LinearWarmupSchedule(1e-3, 0, 10).LearningRateAt(0), Is.EqualTo(1e-3), "no warm-up starts at the full rate");
    }

    [Test]
    public void BiasesAndLayerNormWeightsAreExemptFromWeightDecay()
    {
        Assert.That(AdamWFactory.IsExemptFromDecay("bert.encoder.layer.0.attention.output.LayerNorm.weight"), Is.True);
        Assert.That(AdamWFactory.IsExemptFromDecay("classifier.bias"), Is.True);
        Assert.That(AdamWFactory.IsExemptFromDecay("classifier.weight"), Is.False);
        Assert.That(AdamWFactory.IsExemptFromDecay("bert.embeddings.word_embeddings.weight"), Is.False);
    }

    [Test]
    public void WeightDecayShrinksOnlyTheDecayGroup()
    {
        manual_seed(3);
        var model = new BagOfWordsClassifier(10);
        using var optimizer = AdamWFactory.Create(model, learningRate: 0.1, weightDecay: 0.5, epsilon: 1e-8);
        var before = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.detach().clone());
        foreach (var p in model.parameters()) p.grad = zeros_like(p); // no gradient signal: only decay moves weights
        optimizer.step();
        foreach (var (name, parameter) in model.named_parameters())
        {
            var expected = AdamWFactory.IsExemptFromDecay(name) ? before[name] : before[name] * (1 - 0.1 * 0.5);
            Assert.That(parameter.detach().allclose(expected, atol: 1e-6), Is.True, name);
        }
        Assert.That(optimizer.ParamGroups.Count(), Is.EqualTo(2));
    }

    [Test]
    public void EpochOrderIsASeededPermutationThatDiffersPerEpoch()
    {
        var a = EpochOrder.Shuffled(50, seed: 1, epoch: 0);
        Assert.That(a.Order(), Is.EqualTo(Enumerable.Range(0, 50)));
        Assert.That(EpochOrder.Shuffled(50, 1, 0), Is.EqualTo(a));
        Assert.That(EpochOrder.Shuffled(50, 1, 1), Is.Not.EqualTo(a));
        Assert.That(EpochOrder.Shuffled(50, 2, 0), Is.Not.EqualTo(a));
        Assert.That(EpochOrder.Batches(50, 16, 1, 0).Select(b => b.Length), Is.EqualTo(new[] { 16, 16, 16, 2 }));
    }
}
