using CharBert.Text.Tasks;
using CharBert.Training.Evaluation;
using CharBert.Training.FineTuning;
using CharBert.Training.PreTraining;
using CharBert.Training.Tests.Support;
using NUnit.Framework;
using TorchSharp;

namespace CharBert.Training.Tests;

/// <summary>`finetune` and `evaluate` free the models they build or load (an ablation runs many of them in one process),
/// and one loaded model serves several evaluations (the ablation scores a clean set and its attacked copies with one
/// load) with the scores a fresh load gives.</summary>
public class RunnerModelLifetimeTests
{
    /// <summary>One epoch of NER fine-tuning on 8 synthetic sentences.</summary>
    static FineTuneSettings NerFineTune(TempDirectory dir)
    {
        var settings = FineTuneEndToEndTests.Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 8, 1),
            SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 8, 2));
        return settings with { Training = settings.Training with { Epochs = 1 } };
    }

    [Test]
    public void FineTuningFreesItsModelAndOptimizer()
    {
        using var dir = new TempDirectory();
        var settings = NerFineTune(dir);
        AssertARepeatedRunLeavesNoTensors(output => FineTuneRunner.Run(settings with { Output = dir.Combine(output) }));
    }

    /// <summary>Runs twice (the first run warms up whatever is created once per process) and compares live tensors.</summary>
    static void AssertARepeatedRunLeavesNoTensors(Action<string> runInto)
    {
        runInto("first");
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        runInto("second");
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live));
    }

    [Test]
    public void PretrainingFreesItsModelAndOptimizer()
    {
        using var dir = new TempDirectory();
        var settings = PretrainEndToEndTests.Settings(dir, trainLines: 60, evalLines: 20) with
        {
            Training = new TrainingOptions { MaxSteps = 2, BatchSize = 8, Quiet = true, Seed = 5, CheckpointEvery = 1 },
        };
        AssertARepeatedRunLeavesNoTensors(output => PretrainRunner.Run(settings with { Output = dir.Combine(output) }));
    }

    [Test]
    public void EvaluationFreesItsModelAndAPreloadedModelScoresTheSame()
    {
        using var dir = new TempDirectory();
        var settings = NerFineTune(dir);
        FineTuneRunner.Run(settings);
        EvaluateSettings Evaluate(string output) => new()
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Task = TaskId.Ner, TestFiles = [settings.Dev], Output = dir.Combine(output),
        };
        EvaluateRunner.Run(Evaluate("warm-up"));

        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var loadedHere = EvaluateRunner.Run(Evaluate("eval")).Select(r => (r.Metric, r.Value)).ToArray();
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live), "the model's tensors outlived the evaluation");

        using (var model = EvaluationModel.Load(Evaluate("shared")))
        {
            Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.GreaterThan(live));
            foreach (var output in new[] { "shared-1", "shared-2" })
                Assert.That(EvaluateRunner.Run(Evaluate(output), loaded: model).Select(r => (r.Metric, r.Value)), Is.EqualTo(loadedHere));
            var error = Assert.Throws<ArgumentException>(() => EvaluateRunner.Run(Evaluate("other") with { ModelDirectory = dir.Path }, loaded: model))!;
            Assert.That(error.Message, Does.Contain("is not the one to evaluate"));
        }
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live));
    }
}
