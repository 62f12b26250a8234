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
    [Test]
    public void FineTuningFreesItsModelAndOptimizer()
    {
        using var dir = new TempDirectory();
        var settings = FineTuneEndToEndTests.Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 8, 1),
            SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 8, 2));
        settings = settings with { Training = settings.Training with { Epochs = 1 } };
        FineTuneRunner.Run(settings);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        FineTuneRunner.Run(settings with { Output = dir.Combine("second") });
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live));
    }

    [Test]
    public void PretrainingFreesItsModelAndOptimizer()
    {
        using var dir = new TempDirectory();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.Combine("vocab"));
        SyntheticTaskFiles.WriteTermVocabulary(vocab);
        var settings = new PretrainSettings
        {
            TrainFiles = [SyntheticTaskFiles.WriteCorpus(dir.Combine("corpus.txt"), 60, 1)],
            EvalFile = SyntheticTaskFiles.WriteCorpus(dir.Combine("eval.txt"), 20, 2),
            ModelConfig = FineTuneEndToEndTests.WriteTestConfig(dir), VocabDirectory = vocab, Output = dir.Combine("run"),
            BlockSize = 16, Training = new TrainingOptions { MaxSteps = 2, BatchSize = 8, Quiet = true, Seed = 5, CheckpointEvery = 1 },
        };
        PretrainRunner.Run(settings);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        PretrainRunner.Run(settings with { Output = dir.Combine("second") });
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(live));
    }

    [Test]
    public void EvaluationFreesItsModelAndAPreloadedModelScoresTheSame()
    {
        using var dir = new TempDirectory();
        var settings = FineTuneEndToEndTests.Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 8, 1),
            SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 8, 2));
        FineTuneRunner.Run(settings with { Training = settings.Training with { Epochs = 1 } });
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
