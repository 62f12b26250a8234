using System.Globalization;
using System.Text.Json;
using CharBert.Modeling;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>Every task end to end through the real `charbert` commands, for CharBERT and the BERT baseline:
/// finetune writes metrics.json and model/, evaluate on that model reproduces the dev metric in results.csv;
/// pretrain writes its model for both kinds. (How well each task learns is tested in CharBert.Training.Tests.)</summary>
[NonParallelizable]
public class TrainingCommandsTests
{
    static string TestConfig(TempFolder dir) => SyntheticTaskFiles.WriteModelConfig(dir.File("config.json"));

    static (string Train, string Dev, string Metric) TaskFiles(string task, TempFolder dir) => task switch
    {
        "ner" or "pos" => (SyntheticTaskFiles.WriteNer(dir.File("train.txt"), 24, 1), SyntheticTaskFiles.WriteNer(dir.File("dev.txt"), 8, 2), task == "ner" ? "f1" : "accuracy"),
        "glue:qnli" => (SyntheticTaskFiles.WriteQnli(dir.File("train.tsv"), 24, 3), SyntheticTaskFiles.WriteQnli(dir.File("dev.tsv"), 8, 4), "accuracy"),
        _ => (SyntheticTaskFiles.WriteSquad(dir.File("train.json"), 24, 5), SyntheticTaskFiles.WriteSquad(dir.File("dev.json"), 8, 6), "f1"),
    };

    [Test]
    public void Finetune_then_evaluate_works_for_every_task_and_both_model_kinds(
        [Values("ner", "pos", "glue:qnli", "squad")] string task, [Values("charbert", "bert")] string kind)
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        var (train, dev, metric) = TaskFiles(task, dir);
        var run = dir.File("run");

        var finetune = CliHarness.Run("finetune", "--task", task, "--model-config", TestConfig(dir), "--model-kind", kind, "--vocab", vocab,
            "--train", train, "--dev", dev, "--epochs", "1", "--batch-size", "8", "--max-seq-length", "24", "--lr", "1e-3", "--quiet", "--out", run);
        Assert.That(finetune.Exit, Is.EqualTo(0), finetune.Err);
        using var metrics = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "metrics.json")));
        Assert.That(File.Exists(Path.Combine(run, "model", "model.safetensors")));

        var evaluate = CliHarness.Run("evaluate", "--model", Path.Combine(run, "model"), "--task", task, "--test", dev, "--out", dir.File("eval"));
        Assert.That(evaluate.Exit, Is.EqualTo(0), evaluate.Err);
        var row = File.ReadAllLines(dir.File("eval/results.csv")).Skip(1).Select(l => l.Split(',')).Single(c => c[3] == metric);
        var devMetric = metrics.RootElement.GetProperty("dev_metrics").GetProperty(metric).GetDouble();
        Assert.That(double.Parse(row[4], CultureInfo.InvariantCulture), Is.EqualTo(devMetric).Within(1e-9), "evaluate reproduces the run's dev score");
    }

    [TestCase("charbert")]
    [TestCase("bert")]
    public void Pretrain_writes_a_model_for_both_kinds(string kind)
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        SyntheticTaskFiles.WriteTermVocabulary(vocab);
        var corpus = SyntheticTaskFiles.WriteCorpus(dir.File("corpus.txt"), 40, 7);

        var result = CliHarness.Run("pretrain", "--train", corpus, "--model-config", TestConfig(dir), "--model-kind", kind, "--vocab", vocab,
            "--block-size", "16", "--batch-size", "4", "--max-steps", "3", "--quiet", "--out", dir.File("run"));

        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(result.Out, Does.Contain("pre-training: "));
        Assert.That(File.Exists(dir.File("run/model/model.safetensors")));
        Assert.That(File.Exists(dir.File("run/metrics.json")));
    }

    [Test]
    public void Pretrain_takes_attack_edit_types_as_its_noise_and_refuses_unknown_ones()
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        SyntheticTaskFiles.WriteTermVocabulary(vocab);
        var corpus = SyntheticTaskFiles.WriteCorpus(dir.File("corpus.txt"), 40, 7);
        string[] Args(string types, string output) => ["pretrain", "--train", corpus, "--model-config", TestConfig(dir), "--model-kind", "bert", "--vocab", vocab,
            "--block-size", "16", "--batch-size", "4", "--max-steps", "2", "--adv-probability", "0.3", "--noise-types", types, "--quiet", "--out", output];

        var result = CliHarness.Run(Args("drop, swap", dir.File("run")));
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        using var config = JsonDocument.Parse(File.ReadAllText(dir.File("run/config.json")));
        Assert.That(config.RootElement.GetProperty("noise_types").EnumerateArray().Select(e => e.GetString()), Is.EqualTo(new[] { "drop", "swap" }));

        var bad = CliHarness.Run(Args("smudge", dir.File("bad")));
        Assert.That(bad.Exit, Is.Not.EqualTo(0));
        Assert.That(bad.Err, Does.Contain("smudge"));
        Assert.That(Directory.Exists(dir.File("bad")), Is.False, "nothing is written for a refused run");
    }
}
