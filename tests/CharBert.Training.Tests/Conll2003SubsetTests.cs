using CharBert.TestSupport;
using CharBert.Text.Tasks;
using CharBert.Training.Evaluation;
using CharBert.Training.FineTuning;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests;

/// <summary>Real data: a small CoNLL-2003 subset (read from ../shared at run time, copied only to a temp folder)
/// through fine-tuning and evaluation with the reference fixture's vocabularies. Skips when the data is absent.</summary>
public class Conll2003SubsetTests
{
    [Test]
    public void FineTuningOnACoNllSubsetLearnsEntitiesAndEvaluateReproducesTheDevScore()
    {
        var train = SharedPaths.RequireFile("data/conll2003/train.txt");
        var dev = SharedPaths.RequireFile("data/conll2003/dev.txt");
        var vocab = Path.GetDirectoryName(SharedPaths.RequireFile("fixtures/charbert-reference/vocab.txt"))!;
        SharedPaths.RequireFile("fixtures/charbert-reference/bert_char_vocab");
        using var dir = new TempDirectory();
        var settings = new FineTuneSettings
        {
            Task = TaskId.Ner, ModelConfig = FineTuneEndToEndTests.WriteTestConfig(dir), VocabDirectory = vocab,
            Train = FirstSentences(train, 500, dir.Combine("train.txt")), Dev = FirstSentences(dev, 60, dir.Combine("dev.txt")),
            Output = dir.Combine("run"), MaxSeqLength = 48,
            Training = new TrainingOptions { Epochs = 8, BatchSize = 16, LearningRate = 5e-3, WarmupSteps = 20, Quiet = true, Seed = 3, CheckpointEvery = 0 },
        };

        var result = FineTuneRunner.Run(settings);

        TestContext.Progress.WriteLine($"CoNLL-2003 subset: dev entity F1 {result.DevMetrics["f1"]:F4}, token accuracy {result.DevMetrics["accuracy"]:F4}");
        var outsideShare = File.ReadLines(settings.Dev).Where(l => l.Trim().Length > 0).Average(l => l.EndsWith(" O") ? 1.0 : 0.0);
        Assert.That(result.DevMetrics["accuracy"], Is.GreaterThan(outsideShare), "better than always predicting O");
        Assert.That(result.DevMetrics["f1"], Is.GreaterThan(0.4), "always predicting O scores entity F1 0 (measured here: 0.62)");
        var rows = EvaluateRunner.Run(new EvaluateSettings
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Task = TaskId.Ner, TestFiles = [settings.Dev], Output = dir.Combine("eval"),
        });
        Assert.That(rows.Single(r => r.Metric == "f1").Value, Is.EqualTo(result.DevMetrics["f1"]).Within(1e-9));
    }

    static string FirstSentences(string source, int count, string target)
    {
        var lines = new List<string>();
        var sentences = 0;
        foreach (var line in File.ReadLines(source))
        {
            lines.Add(line);
            if (line.Trim().Length == 0 && ++sentences == count) break;
        }
        File.WriteAllLines(target, lines);
        return target;
    }
}
