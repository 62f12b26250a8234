using CharBert.Modeling.Heads;
using NUnit.Framework;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

/// <summary>Disposing a model frees every tensor its construction made, so a run that loads models one after another
/// (evaluation of many cells) does not keep their weights alive until a garbage collection.</summary>
public class ModelDisposalTests
{
    [TestCase(ModelKind.Bert, TaskHeadKind.TokenClassification)]
    [TestCase(ModelKind.CharBert, TaskHeadKind.SequenceClassification)]
    [TestCase(ModelKind.CharBert, TaskHeadKind.PreTraining)]
    public void ADisposedModelLeavesNoLiveTensors(ModelKind kind, TaskHeadKind head)
    {
        static long Live() => DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var before = Live();
        var model = TaskModelFactory.Create(kind, head, CharBertConfig.Tiny, 3);
        Assert.That(Live() - before, Is.GreaterThanOrEqualTo(model.Module.parameters().Count()));
        model.Dispose();
        Assert.That(Live() - before, Is.Zero);
    }
}
