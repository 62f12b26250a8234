using CharBert.Training.Runs;
using CharBert.Training.Tests.Support;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests;

public class TrainerTests
{
    static readonly TrainingOptions Fast = new()
    {
        Epochs = 4, BatchSize = 16, LearningRate = 0.05, WarmupSteps = 2, CheckpointEvery = 5, Quiet = true, Seed = 7,
    };

    static (BagOfWordsClassifier Model, Trainer Trainer) Build(KeywordSentences data, TrainingOptions options, string run)
    {
        manual_seed(options.Seed);
        var model = new BagOfWordsClassifier(KeywordSentences.VocabSize);
        return (model, new Trainer(model, model.Loss, data, options, run));
    }

    static float[] Weights(nn.Module model) =>
        model.parameters().SelectMany(p => p.detach().cpu().data<float>().ToArray()).ToArray();

    [Test]
    public void TrainingOnAKeywordTaskBeatsChanceByFar()
    {
        using var run = new TempDirectory();
        var train = new KeywordSentences(256, seed: 1);
        var dev = new KeywordSentences(128, seed: 2);
        var (model, trainer) = Build(train, Fast with { Epochs = 8 }, run.Path);
        var result = trainer.Run(_ => new Dictionary<string, double> { ["accuracy"] = model.Accuracy(dev) });

        Assert.That(result.Completed, Is.True);
        Assert.That(result.GlobalStep, Is.EqualTo(8 * 16));
        Assert.That(result.Epochs[^1].Metrics["accuracy"], Is.GreaterThan(0.9), "chance is 0.5");
        Assert.That(result.Epochs[^1].TrainLoss, Is.LessThan(result.Epochs[0].TrainLoss));
        Assert.That(File.Exists(run.Combine("train_log.csv")) && File.Exists(run.Combine("epochs.csv")) && File.Exists(run.Combine("epochs.json")));
        Assert.That(new TrainingLog(run.Combine("train_log.csv")).Also(l => l.LoadUpTo(int.MaxValue)).Rows, Has.Count.EqualTo(8 * 16));
    }

    sealed class Recorder : IProgress<TrainingProgress>
    {
        public List<TrainingProgress> Reports { get; } = [];
        public void Report(TrainingProgress value) => Reports.Add(value);
    }

    [Test]
    public void ProgressIsReportedOnceAtTheStartAndAfterEveryStepAndAResumeStartsWhereTheRunStopped()
    {
        using var run = new TempDirectory();
        var data = new KeywordSentences(64, seed: 1); // 4 steps per epoch
        var options = Fast with { Epochs = 2, CheckpointEvery = 3 };
        manual_seed(options.Seed);
        var model = new BagOfWordsClassifier(KeywordSentences.VocabSize);
        var first = new Recorder();
        new Trainer(model, model.Loss, data, options with { StopAfterSteps = 3 }, run.Path, progress: first).Run();

        Assert.That(first.Reports.Select(r => r.Step), Is.EqualTo(new[] { 0, 1, 2, 3 }));
        Assert.That(first.Reports.Select(r => r.TotalSteps).Distinct(), Is.EqualTo(new[] { 8 }));
        Assert.That(first.Reports[0].Loss, Is.Null, "nothing trained yet");
        Assert.That(first.Reports.Skip(1).All(r => r.Loss is > 0 && r.TokensPerSecond > 0 && r.Epoch == 1 && r.Epochs == 2));

        var resumed = new Recorder();
        new Trainer(model, model.Loss, data, options, run.Path, progress: resumed).Run(resume: true);
        Assert.That(resumed.Reports.Select(r => r.Step), Is.EqualTo(new[] { 3, 4, 5, 6, 7, 8 }));
        Assert.That(resumed.Reports.Select(r => r.Epoch), Is.EqualTo(new[] { 1, 1, 2, 2, 2, 2 }));
    }

    [Test]
    public void EvaluationRunsInEvalModeWithoutGradientsAndTrainingModeIsRestored()
    {
        using var run = new TempDirectory();
        var data = new KeywordSentences(32, seed: 1);
        var (model, trainer) = Build(data, Fast with { Epochs = 1 }, run.Path);
        var seen = (training: true, grad: true);
        trainer.Run(_ =>
        {
            seen = (model.training, is_grad_enabled());
            return new Dictionary<string, double>();
        });
        Assert.That(seen, Is.EqualTo((false, false)));
        Assert.That(model.training, Is.True);
    }

    [Test]
    public void ResumingAfterAStopEndsWithTheSameWeightsAsAnUninterruptedRun()
    {
        var data = new KeywordSentences(100, seed: 3); // 7 batches per epoch: the last one is short
        var options = Fast with { Epochs = 3, GradientAccumulationSteps = 1, CheckpointEvery = 4, WeightDecay = 0.01 };

        using var straightRun = new TempDirectory();
        var (straight, straightTrainer) = Build(data, options, straightRun.Path);
        straightTrainer.Run();

        using var interruptedRun = new TempDirectory();
        var (first, firstTrainer) = Build(data, options with { StopAfterSteps = 8 }, interruptedRun.Path);
        var stopped = firstTrainer.Run();
        Assert.That(stopped.Completed, Is.False);
        Assert.That(stopped.GlobalStep, Is.EqualTo(8));

        manual_seed(999); // the resumed process starts from a different RNG state and fresh weights
        var resumedModel = new BagOfWordsClassifier(KeywordSentences.VocabSize);
        var resumed = new Trainer(resumedModel, resumedModel.Loss, data, options, interruptedRun.Path).Run(resume: true);

        Assert.That(resumed.GlobalStep, Is.EqualTo(21));
        Assert.That(Weights(resumedModel), Is.EqualTo(Weights(straight)).Within(1e-6));
        Assert.That(Weights(resumedModel), Is.Not.EqualTo(Weights(first)).Within(1e-6), "the resumed run trained further");
    }

    [Test]
    public void ResumeWithGradientAccumulationAndMidEpochCheckpointMatchesToo()
    {
        var data = new KeywordSentences(96, seed: 4);
        var options = Fast with { Epochs = 2, BatchSize = 8, GradientAccumulationSteps = 2, CheckpointEvery = 3 };
        using var straightRun = new TempDirectory();
        var (straight, straightTrainer) = Build(data, options, straightRun.Path);
        straightTrainer.Run();

        using var interruptedRun = new TempDirectory();
        Build(data, options with { StopAfterSteps = 4 }, interruptedRun.Path).Trainer.Run(); // checkpoint at 3, "killed" at 4
        var resumedModel = new BagOfWordsClassifier(KeywordSentences.VocabSize);
        new Trainer(resumedModel, resumedModel.Loss, data, options, interruptedRun.Path).Run(resume: true);

        Assert.That(Weights(resumedModel), Is.EqualTo(Weights(straight)).Within(1e-6));
        var log = new TrainingLog(interruptedRun.Combine("train_log.csv"));
        log.LoadUpTo(int.MaxValue);
        Assert.That(log.Rows.Select(r => r.Step), Is.EqualTo(Enumerable.Range(1, 12)), "log rows after the checkpoint are replaced, not duplicated");
    }

    [Test]
    public void ANonFiniteLossStopsTheRunAndNamesTheLastGoodCheckpoint()
    {
        using var run = new TempDirectory();
        var data = new KeywordSentences(64, seed: 5);
        manual_seed(1);
        var model = new BagOfWordsClassifier(KeywordSentences.VocabSize);
        var calls = 0;
        var trainer = new Trainer(model, batch => ++calls > 6 ? model.Loss(batch) * double.NaN : model.Loss(batch),
            data, Fast with { CheckpointEvery = 5 }, run.Path);

        var error = Assert.Throws<NonFiniteLossException>(() => trainer.Run())!;
        Assert.That(error.Message, Does.Contain("NaN").And.Contain("step 7").And.Contain("step-00000005"));
        Assert.That(Path.GetFileName(new CheckpointStore(run.Path).CheckpointDirectories()[0]), Is.EqualTo("step-00000005"), "nothing is written after the bad step");
    }

    [Test]
    public void ACorruptOrPartialCheckpointIsReportedOnResume()
    {
        using var run = new TempDirectory();
        var data = new KeywordSentences(64, seed: 6);
        Build(data, Fast with { StopAfterSteps = 5 }, run.Path).Trainer.Run();
        var checkpoint = new CheckpointStore(run.Path).CheckpointDirectories()[0];

        var modelFile = Path.Combine(checkpoint, CheckpointStore.ModelFile);
        var bytes = File.ReadAllBytes(modelFile);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(modelFile, bytes);
        var corrupt = Assert.Throws<CorruptCheckpointException>(() => Build(data, Fast, run.Path).Trainer.Run(resume: true))!;
        Assert.That(corrupt.Message, Does.Contain("model.bin").And.Contain("SHA-256"));

        File.Delete(Path.Combine(checkpoint, CheckpointStore.ManifestFile));
        var partial = Assert.Throws<CorruptCheckpointException>(() => Build(data, Fast, run.Path).Trainer.Run(resume: true))!;
        Assert.That(partial.Message, Does.Contain("partial").And.Contain("manifest.json"));
    }

    [Test]
    public void ADamagedNewestCheckpointNamesThePreviousIntactOneAndResumingFromItMatchesAnUninterruptedRun()
    {
        using var straightRun = new TempDirectory();
        var data = new KeywordSentences(64, seed: 6);
        var (straight, _) = Build(data, Fast, straightRun.Path).Also(b => b.Trainer.Run());

        using var run = new TempDirectory();
        Build(data, Fast with { StopAfterSteps = 10 }, run.Path).Trainer.Run();
        var checkpoints = new CheckpointStore(run.Path).CheckpointDirectories().Select(Path.GetFileName).ToArray(); // newest first
        Assert.That(checkpoints, Has.Length.EqualTo(2));
        File.AppendAllText(Path.Combine(run.Path, "checkpoints", checkpoints[0]!, CheckpointStore.OptimizerFile), "damage");

        var error = Assert.Throws<CorruptCheckpointException>(() => Build(data, Fast, run.Path).Trainer.Run(resume: true))!;
        Assert.That(error.Message, Does.Contain(checkpoints[0]).And.Contain("optimizer.bin")
            .And.Contain($"the previous checkpoint {checkpoints[1]} is intact: resume from it with --resume").And.Contain($"--from-checkpoint {checkpoints[1]}"));

        var (resumed, trainer) = Build(data, Fast, run.Path);
        trainer.Run(resume: true, fromCheckpoint: checkpoints[1]);
        Assert.That(Weights(resumed), Is.EqualTo(Weights(straight)).Within(1e-6));
        Assert.That(() => Build(data, Fast, run.Path).Trainer.Run(resume: true, fromCheckpoint: "step-00000007"),
            Throws.TypeOf<CorruptCheckpointException>().With.Message.Contains("no checkpoint step-00000007"));
    }

    [Test]
    public void ResumingWithoutACheckpointIsAClearError()
    {
        using var run = new TempDirectory();
        var error = Assert.Throws<InvalidDataException>(() => Build(new KeywordSentences(32, 1), Fast, run.Path).Trainer.Run(resume: true))!;
        Assert.That(error.Message, Does.Contain("no checkpoint"));
    }
}

static class FluentExtensions
{
    public static T Also<T>(this T value, Action<T> action)
    {
        action(value);
        return value;
    }
}
