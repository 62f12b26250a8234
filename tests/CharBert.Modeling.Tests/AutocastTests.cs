using CharBert.Modeling.Benchmarks;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Precision;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

/// <summary>bf16 autocast by hand: which ops run in bf16, that fp32 stays untouched outside a scope, and that a
/// bf16 forward/backward is close to fp32 while parameters and gradients stay fp32.</summary>
public class AutocastTests
{
    [Test]
    public void OutsideAScopeTheHelpersAreTheModulesOwnForward()
    {
        manual_seed(1);
        using var linear = nn.Linear(6, 4);
        using var norm = nn.LayerNorm(4);
        using var x = randn(3, 6);
        using var scope = NewDisposeScope();
        Assert.That(Autocast.IsEnabled, Is.False);
        Assert.That(Autocast.Linear(linear, x).eq(linear.forward(x)).all().item<bool>(), Is.True);
        Assert.That(Autocast.LayerNorm(norm, linear.forward(x)).dtype, Is.EqualTo(ScalarType.Float32));
    }

    [Test]
    public void InsideAScopeMatmulsRunInBf16AndNormsAndSoftmaxInFp32()
    {
        manual_seed(1);
        using var linear = nn.Linear(8, 8);
        using var norm = nn.LayerNorm(8);
        using var conv = nn.Conv1d(8, 4, 3, padding: 1);
        using var x = randn(2, 5, 8);
        using var scope = NewDisposeScope();
        using (Autocast.Enable())
        {
            var hidden = Autocast.Linear(linear, x);
            Assert.That(hidden.dtype, Is.EqualTo(ScalarType.BFloat16));
            Assert.That(Autocast.Conv1d(conv, x.permute(0, 2, 1)).dtype, Is.EqualTo(ScalarType.BFloat16));
            Assert.That(Autocast.Conv1d(conv, x.permute(0, 2, 1)).shape, Is.EqualTo(conv.forward(x.permute(0, 2, 1)).shape));
            Assert.That(Autocast.LayerNorm(norm, hidden).dtype, Is.EqualTo(ScalarType.Float32));
            Assert.That(Autocast.Softmax(hidden, -1).dtype, Is.EqualTo(ScalarType.Float32));
            var q = hidden.view(2, 5, 2, 4).permute(0, 2, 1, 3);
            Assert.That(Autocast.ScaledDotProductAttention(q, q, q, zeros(2, 1, 1, 5), 0).dtype, Is.EqualTo(ScalarType.BFloat16));
            using (Autocast.Disable())
                Assert.That(Autocast.Linear(linear, x).dtype, Is.EqualTo(ScalarType.Float32), "a nested fp32 scope turns autocast off");
            Assert.That(Autocast.IsEnabled, Is.True, "disposing the nested scope restores bf16");
        }
        Assert.That(Autocast.IsEnabled, Is.False);
        Assert.That(linear.weight.dtype, Is.EqualTo(ScalarType.Float32), "weights are cast per call, never converted");
    }

    [Test]
    public void OnlyReducedComputeTypesAndKnownPrecisionNamesAreAccepted()
    {
        Assert.That(() => Autocast.Enable(ScalarType.Float64), Throws.ArgumentException);
        Assert.That(() => Autocast.For("fp16x"), Throws.ArgumentException.With.Message.Contain("fp32 or bf16"));
        Assert.That(Precisions.Parse(" BF16 "), Is.EqualTo(ScalarType.BFloat16));
        Assert.That(Precisions.Parse("fp32"), Is.Null);
    }

    private static IEnumerable<TestCaseData> Models()
    {
        foreach (var kind in Enum.GetValues<ModelKind>())
        foreach (var head in Enum.GetValues<TaskHeadKind>())
            yield return new TestCaseData(kind, head, CharBertConfig.Tiny).SetArgDisplayNames(kind.ToString(), head.ToString(), "sdpa");
        yield return new TestCaseData(ModelKind.CharBert, TaskHeadKind.TokenClassification,
            CharBertConfig.Tiny with { AttentionImplementation = AttentionImplementation.Eager, BatchChannels = false }).SetArgDisplayNames("CharBert", "TokenClassification", "eager");
        yield return new TestCaseData(ModelKind.CharBert, TaskHeadKind.SequenceClassification,
            CharBertConfig.Tiny with { CharEncoder = CharEncoderKind.Cnn }).SetArgDisplayNames("CharBert", "SequenceClassification", "cnn");
    }

    [TestCaseSource(nameof(Models))]
    public void ABf16ForwardIsCloseToFp32AndGradientsStayFp32(ModelKind kind, TaskHeadKind head, CharBertConfig config)
    {
        manual_seed(5);
        var model = TaskModelFactory.Create(kind, head, config, 3);
        using var module = model.Module;
        module.eval();
        using var batch = SyntheticBatch.Create(config, 2, 12, seed: 4, numLabels: 3);
        using var scope = NewDisposeScope();
        var reference = model.Forward(batch);
        TaskOutput mixed;
        using (Autocast.Enable()) mixed = model.Forward(batch);

        Assert.That(mixed.Logits.dtype, Is.EqualTo(ScalarType.Float32), "heads hand back fp32 logits");
        var difference = (mixed.Logits - reference.Logits).abs().max().item<float>();
        var scale = reference.Logits.abs().max().item<float>();
        Assert.That(difference, Is.GreaterThan(0), "the bf16 path was really taken");
        Assert.That(difference, Is.LessThan(0.05 * Math.Max(1, scale)), "bf16 keeps about 3 significant digits");
        Assert.That(Math.Abs(mixed.Loss!.item<float>() - reference.Loss!.item<float>()), Is.LessThan(0.05 * Math.Max(1, reference.Loss.item<float>())));

        mixed.Loss.backward();
        foreach (var (name, parameter) in module.named_parameters())
        {
            Assert.That(parameter.dtype, Is.EqualTo(ScalarType.Float32), name);
            if (parameter.grad is { } grad)
            {
                Assert.That(grad.dtype, Is.EqualTo(ScalarType.Float32), name);
                Assert.That(grad.isfinite().all().item<bool>(), Is.True, name);
            }
        }
    }

    [Test]
    public void TheBenchmarkRunsBf16AsAutocast()
    {
        var results = ModelBenchmark.Run(new BenchmarkSettings(CharBertConfig.Tiny, SeqLength: 16, BatchSize: 2, DType: "bf16", Steps: 1, WarmupSteps: 1));
        Assert.That(results.Select(r => r.DType), Is.All.EqualTo("bf16"));
        Assert.That(results.Select(r => r.TrainStepMs), Is.All.GreaterThan(0));
        Assert.That(() => ModelBenchmark.Run(new BenchmarkSettings(CharBertConfig.Tiny, SeqLength: 16, BatchSize: 2, DType: "fp8")),
            Throws.ArgumentException.With.Message.Contain("fp8"));
    }
}
