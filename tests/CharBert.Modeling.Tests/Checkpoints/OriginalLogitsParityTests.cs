using CharBert.Modeling.Verification;
using NUnit.Framework;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>Acceptance: each model saved by the original code, loaded from either .bin format, reproduces the original's
/// logits (expected.safetensors) to 1e-5.</summary>
public class OriginalLogitsParityTests
{
    private static IEnumerable<TestCaseData> Cases =>
        from model in TestFixtures.OriginalModels
        from weights in TestFixtures.OriginalWeightFiles
        select new TestCaseData(model, weights).SetName($"{model} from {weights}");

    [TestCaseSource(nameof(Cases))]
    public void ReproducesTheOriginalLogits(string model, string weights)
    {
        var report = CheckpointReferenceVerifier.Verify(Path.Combine(TestFixtures.OriginalCheckpoints, model),
            Path.Combine(TestFixtures.OriginalCheckpoints, "expected.safetensors"), $"expected.{model}.logits", 1e-5, weights);
        var comparison = report.Comparisons.Single();
        Assert.That(comparison.Problem, Is.Null);
        Assert.That(comparison.MaxAbsDiff, Is.LessThanOrEqualTo(1e-5));
        TestContext.Out.WriteLine($"{model} {weights}: max |diff| {comparison.MaxAbsDiff:E2}");
    }
}
