using CharBert.Modeling.Verification;
using NUnit.Framework;

namespace CharBert.Modeling.Tests;

/// <summary>Acceptance: every expected.* tensor of the original code's fixture is reproduced to 1e-5 (float32).</summary>
public class ReferenceParityTests
{
    private static readonly (string Name, Func<CharBertConfig, CharBertConfig> Configure)[] Variants =
    [
        ("default: sdpa + channels batched", c => c),
        ("eager attention + channels separate (the original's operation order)", c => c with { AttentionImplementation = AttentionImplementation.Eager, BatchChannels = false }),
    ];

    [TestCaseSource(nameof(Variants))]
    public void EveryExpectedTensorIsReproduced((string Name, Func<CharBertConfig, CharBertConfig> Configure) variant)
    {
        var report = ReferenceVerifier.Verify(TestFixtures.ReferencePath, 1e-5, variant.Configure);
        foreach (var c in report.Comparisons)
            TestContext.Out.WriteLine($"{c.Name,-70} {c.MaxAbsDiff:E2} {c.Problem}");
        // 6 encoder outputs, seqcls logits/loss + 3 gradients, tokcls 2, qa 3, mlm 4 (fixture README)
        Assert.That(report.Comparisons.Select(c => c.Name).ToList(), Has.Count.EqualTo(20).And.All.StartWith("expected."));
        Assert.That(ReferenceVerifier.ToJson(report), Does.Contain("\"passed\": true"));
        Assert.That(report.Comparisons.Where(c => !c.WithinTolerance).Select(c => $"{c.Name}: {c.MaxAbsDiff} {c.Problem}"), Is.Empty);
    }

    [Test]
    public void AWrongWeightIsDetected()
    {
        // guards the verifier itself: a model that differs from the original must fail
        var report = ReferenceVerifier.Verify(TestFixtures.ReferencePath, 1e-5, c => c with { LayerNormEps = 1e-1 });
        Assert.That(report.AllWithinTolerance, Is.False);
    }
}
