using CharBert.Modeling.Benchmarks;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Precision;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

public class TrainingStepLeakTests
{
    [TestCase(ModelKind.CharBert, "fp32")]
    [TestCase(ModelKind.Bert, "fp32")]
    [TestCase(ModelKind.CharBert, "bf16")]
    public void ATrainingStepLeavesNoLiveTensorsBehind(ModelKind kind, string precision)
    {
        manual_seed(11);
        var model = TaskModelFactory.Create(kind, TaskHeadKind.SequenceClassification, CharBertConfig.Tiny, 3);
        var optimizer = optim.AdamW(model.Module.parameters(), 1e-3);
        using var batch = SyntheticBatch.Create(CharBertConfig.Tiny, 2, 8, seed: 1, numLabels: 3);
        model.Module.train();

        double Step()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss;
            using (Autocast.For(precision)) loss = model.Forward(batch).Loss!;
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var first = Step();
        Step(); // warm-up: gradients and AdamW state now exist
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        for (var i = 0; i < 2; i++) Step();
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live));
        Assert.That(double.IsFinite(first), Is.True);
    }
}
