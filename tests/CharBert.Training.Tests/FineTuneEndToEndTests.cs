using CharBert.Modeling.Precision;
using CharBert.Text.IO;
using System.Text.Json;
using CharBert.Modeling;
using CharBert.Text.Tasks;
using CharBert.Training.Evaluation;
using CharBert.Training.FineTuning;
using CharBert.Training.Runs;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests;

/// <summary>Every task through the library on a tiny CharBERT: train on synthetic data, check the dev metric is far
/// above chance, the run directory is complete, and `evaluate` reproduces the dev metric from model/.</summary>
public class FineTuneEndToEndTests
{
    internal static string WriteTestConfig(TempDirectory dir) => SyntheticTaskFiles.WriteModelConfig(dir.Combine("config.json"));

    internal static FineTuneSettings Settings(TempDirectory dir, string task, string train, string dev) => new()
    {
        Task = TaskId.Parse(task), ModelConfig = WriteTestConfig(dir), VocabDirectory = SyntheticTaskFiles.WriteVocabulary(dir.Combine("vocab")),
        Train = train, Dev = dev, Output = dir.Combine("run"), MaxSeqLength = 16,
        Training = new TrainingOptions { Epochs = 4, BatchSize = 16, LearningRate = 5e-3, WarmupSteps = 3, Quiet = true, Seed = 11, CheckpointEvery = 0 },
    };

    [Test]
    public void NerOnCapitalisedNamesReachesAHighEntityF1AndEvaluateAgrees()
    {
        using var dir = new TempDirectory();
        var settings = Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 96, 1), SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 32, 2));

        var result = FineTuneRunner.Run(settings);

        Assert.That(result.DevMetrics["f1"], Is.GreaterThan(0.8), "an untrained tagger scores near 0 entity F1");
        AssertCompleteRunDirectory(settings.Output);
        var rows = EvaluateRunner.Run(new EvaluateSettings
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Task = TaskId.Ner, TestFiles = [settings.Dev], Output = dir.Combine("eval"),
        });
        Assert.That(rows.Single(r => r.Metric == "f1").Value, Is.EqualTo(result.DevMetrics["f1"]).Within(1e-9));
        Assert.That(File.ReadAllLines(dir.Combine("eval", "results.csv"))[0], Is.EqualTo("model,task,test_file,metric,value"));
        Assert.That(File.Exists(dir.Combine("eval", "predictions_dev.csv")));
    }

    [Test]
    public void Bf16AutocastTrainsAsWellAndTheRunRemembersItsPrecision()
    {
        using var dir = new TempDirectory();
        var settings = Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 96, 1), SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 32, 2));
        settings = settings with { Training = settings.Training with { Precision = Precisions.Bf16 } };

        var result = FineTuneRunner.Run(settings);

        Assert.That(result.DevMetrics["f1"], Is.GreaterThan(0.8), "an untrained tagger scores near 0 entity F1");
        var saved = JsonFiles.Read<FineTuneSettings>(Path.Combine(settings.Output, RunFiles.Config));
        Assert.That(saved.Training.Precision, Is.EqualTo(Precisions.Bf16), "--resume continues in the same precision");
        Assert.That(() => FineTuneRunner.Run(settings with { Output = dir.Combine("other"), Training = settings.Training with { Precision = "fp8" } }),
            Throws.ArgumentException.With.Message.Contain("fp8"));
        Assert.That(Directory.Exists(dir.Combine("other")), Is.False, "bad options are refused before anything is written");
    }

    [Test]
    public void QnliWithAKeywordLabelBeatsChanceByFar()
    {
        using var dir = new TempDirectory();
        var settings = Settings(dir, "glue:qnli", SyntheticTaskFiles.WriteQnli(dir.Combine("train.tsv"), 128, 3), SyntheticTaskFiles.WriteQnli(dir.Combine("dev.tsv"), 48, 4));

        var result = FineTuneRunner.Run(settings);

        Assert.That(result.DevMetrics["accuracy"], Is.GreaterThan(0.85), "chance is 0.5");
        AssertCompleteRunDirectory(settings.Output);
    }

    [Test]
    public void SquadFindsTheNameSpanAndEvaluateAgrees()
    {
        using var dir = new TempDirectory();
        var settings = Settings(dir, "squad", SyntheticTaskFiles.WriteSquad(dir.Combine("train.json"), 128, 5), SyntheticTaskFiles.WriteSquad(dir.Combine("dev.json"), 32, 6))
            with { MaxSeqLength = 24 };

        var result = FineTuneRunner.Run(settings);

        Assert.That(result.DevMetrics["exact_match"], Is.GreaterThan(0.7), "a random span is almost never exactly the name");
        AssertCompleteRunDirectory(settings.Output);
        var rows = EvaluateRunner.Run(new EvaluateSettings
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Task = TaskId.Squad, TestFiles = [settings.Dev], Output = dir.Combine("eval"),
        });
        Assert.That(rows.Single(r => r.Metric == "f1").Value, Is.EqualTo(result.DevMetrics["f1"]).Within(1e-9));
    }

    [Test]
    public void AFreshRunRefusesAnExistingRunDirectory()
    {
        using var dir = new TempDirectory();
        var settings = Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 8, 1), SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 4, 2));
        Directory.CreateDirectory(settings.Output);
        File.WriteAllText(Path.Combine(settings.Output, RunFiles.Config), "{}");
        var error = Assert.Throws<OutputFolderException>(() => FineTuneRunner.Run(settings))!;
        Assert.That(error.Message, Does.Contain("--resume"));
        Assert.That(File.ReadAllText(Path.Combine(settings.Output, RunFiles.Config)), Is.EqualTo("{}"), "the existing run is left alone");
    }

    static void AssertCompleteRunDirectory(string run)
    {
        foreach (var file in new[] { "config.json", "environment.json", "metrics.json", "train_log.csv", "epochs.csv", "predictions_dev.csv",
                     "model/config.json", "model/model.safetensors", "model/task.json", "model/finetune.json", "model/vocab.txt", "model/bert_char_vocab" })
            Assert.That(File.Exists(Path.Combine(run, file)), Is.True, file);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.That(metrics.RootElement.GetProperty("completed").GetBoolean(), Is.True);
    }
}
