using System.Text.Json;
using CharBert.Training.PreTraining;
using CharBert.Training.Runs;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests;

public class PretrainEndToEndTests
{
    /// <summary>MLM + NLM pre-training of the test config on synthetic corpora, with the vocabularies it needs, into dir/run.</summary>
    public static PretrainSettings Settings(TempDirectory dir, int trainLines, int evalLines)
    {
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.Combine("vocab"));
        SyntheticTaskFiles.WriteTermVocabulary(vocab);
        return new PretrainSettings
        {
            TrainFiles = [SyntheticTaskFiles.WriteCorpus(dir.Combine("corpus.txt"), trainLines, 1)],
            EvalFile = SyntheticTaskFiles.WriteCorpus(dir.Combine("eval.txt"), evalLines, 2),
            ModelConfig = FineTuneEndToEndTests.WriteTestConfig(dir), VocabDirectory = vocab, Output = dir.Combine("run"), BlockSize = 16,
        };
    }

    [Test]
    public void MlmPlusNlmLossDecreasesAndTheRunEndsWithAModelDirectory()
    {
        using var dir = new TempDirectory();
        var settings = Settings(dir, trainLines: 300, evalLines: 40) with
        {
            MlmProbability = 0.15, AdvProbability = 0.15,
            Training = new TrainingOptions { MaxSteps = 40, BatchSize = 16, LearningRate = 5e-3, WarmupSteps = 4, Quiet = true, Seed = 5, CheckpointEvery = 0 },
        };

        var result = PretrainRunner.Run(settings);

        var log = new TrainingLog(Path.Combine(settings.Output, RunFiles.TrainLog));
        log.LoadUpTo(int.MaxValue);
        var first = log.Rows.Take(5).Average(r => r.Loss);
        var last = log.Rows.TakeLast(5).Average(r => r.Loss);
        Assert.That(result.GlobalStep, Is.EqualTo(40));
        Assert.That(last, Is.LessThan(0.8 * first), $"mean loss of the first 5 steps {first:F3}, of the last 5 {last:F3}");
        Assert.That(result.EvalLoss, Is.Not.Null.And.GreaterThan(0));
        foreach (var file in new[] { "metrics.json", "model/config.json", "model/model.safetensors", "model/term_vocab" })
            Assert.That(File.Exists(Path.Combine(settings.Output, file)), Is.True, file);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(settings.Output, "metrics.json")));
        Assert.That(metrics.RootElement.GetProperty("completed").GetBoolean(), Is.True);
    }
}
