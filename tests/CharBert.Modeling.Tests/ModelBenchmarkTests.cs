using CharBert.Modeling.Benchmarks;
using NUnit.Framework;

namespace CharBert.Modeling.Tests;

/// <summary>The benchmark's plumbing on the tiny model (speed targets are checked with `charbert bench model`, never here).</summary>
public class ModelBenchmarkTests
{
    [Test]
    public void ReportsBothModelsWithPositiveMeasurements()
    {
        var results = ModelBenchmark.Run(new BenchmarkSettings(CharBertConfig.Tiny, SeqLength: 16, BatchSize: 2, Steps: 1, WarmupSteps: 1));
        Assert.That(results.Select(r => r.Model), Is.EqualTo(new[] { "bert", "charbert" }));
        foreach (var r in results)
        {
            Assert.That(r.TrainStepMs, Is.GreaterThan(0));
            Assert.That(r.TrainTokensPerS, Is.EqualTo(2 * 16 / (r.TrainStepMs / 1000)).Within(1e-6));
            Assert.That(r.InferTokensPerS, Is.GreaterThan(0));
            Assert.That(r.PeakMemoryMb, Is.GreaterThan(0));
            Assert.That((r.Device, r.DType, r.Seq, r.Batch), Is.EqualTo(("cpu", "fp32", 16, 2)));
        }
    }

    [Test]
    public void ASequenceLongerThanThePositionTableIsRefused() =>
        Assert.That(() => ModelBenchmark.Run(new BenchmarkSettings(CharBertConfig.Tiny, SeqLength: 65, BatchSize: 1)),
            Throws.ArgumentException.With.Message.Contain("max_position_embeddings"));
}
