using System.Text.Json;
using CharBert.Experiments.Tests.Ablation;
using CharBert.Modeling.Checkpoints;
using CharBert.Training.Runs;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>The acceptance path through the real commands, with a tiny BERT directory standing in for
/// `charbert models import minilm-l6 --out M`: pretrain --init-from M for both kinds (fresh char channel and fusion for
/// CharBERT, listed in initialization.json; the fresh-parameter options), finetune --model P/model, and evaluate
/// --lenient-columns on a file shaped like the authors' CharAttack_NER (a space inside some words).</summary>
[NonParallelizable]
public class PretrainedStartCommandsTests
{
    [Test]
    public void Pretrain_from_a_bert_directory_then_finetune_and_evaluate_an_attacked_file_leniently()
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        SyntheticTaskFiles.WriteTermVocabulary(vocab);
        var bert = TinyBertCheckpoint.Write(dir.File("M"), vocab);
        var corpus = SyntheticTaskFiles.WriteCorpus(dir.File("corpus.txt"), 40, 7);

        foreach (var kind in new[] { "charbert", "bert" })
        {
            var pretrain = CliHarness.Run("pretrain", "--init-from", bert, "--model-kind", kind, "--train", corpus, "--max-steps", "3",
                "--block-size", "16", "--batch-size", "4", "--fresh-lr", "1e-3", "--frozen-steps", "1", "--quiet", "--out", dir.File($"P-{kind}"));
            Assert.That(pretrain.Exit, Is.EqualTo(0), pretrain.Err);
            var initialization = JsonFiles.Read<PartialLoadReport>(dir.File($"P-{kind}/{RunFiles.Initialization}"));
            Assert.That(initialization.Fresh.Any(k => k.StartsWith("bert.char_embeddings.")), Is.EqualTo(kind == "charbert"), kind);
            Assert.That(initialization.Fresh.Any(k => k.StartsWith("bert.encoder.fusion_layer_list.")), Is.EqualTo(kind == "charbert"), kind);
            Assert.That(initialization.Fresh.Any(k => k.StartsWith("bert.encoder.layer.") || k.StartsWith("bert.embeddings.")), Is.False, "the token channel is M's");
            using var config = JsonDocument.Parse(File.ReadAllText(dir.File($"P-{kind}/{RunFiles.Config}")));
            var fresh = config.RootElement.GetProperty("training").GetProperty("fresh_parameters");
            Assert.That((fresh.GetProperty("fresh_learning_rate").GetDouble(), fresh.GetProperty("frozen_steps").GetInt32()), Is.EqualTo((1e-3, 1)));
        }

        var train = SyntheticTaskFiles.WriteNer(dir.File("train.txt"), 24, 1);
        var test = SyntheticTaskFiles.WriteNer(dir.File("test.txt"), 8, 2);
        var finetune = CliHarness.Run("finetune", "--task", "ner", "--model", dir.File("P-charbert/model"), "--train", train, "--dev", test,
            "--epochs", "1", "--batch-size", "8", "--max-seq-length", "24", "--quiet", "--out", dir.File("F"));
        Assert.That(finetune.Exit, Is.EqualTo(0), finetune.Err);

        // the authors' shape: "Anna O B-PER" with a space inside the word becomes "An na O B-PER"
        var lines = File.ReadAllLines(test);
        var split = lines.Select((line, i) => i > 0 && line.Split(' ') is [var word, .. var rest] && word.Length >= 4
            ? $"{word[..2]} {word[2..]} {string.Join(' ', rest)}" : line).ToArray();
        var splitCount = split.Zip(lines).Count(p => p.First != p.Second);
        Assume.That(splitCount, Is.GreaterThan(0));
        File.WriteAllLines(dir.File("attacked.txt"), split);

        var strict = CliHarness.Run("evaluate", "--model", dir.File("F/model"), "--task", "ner", "--test", dir.File("attacked.txt"), "--out", dir.File("E0"));
        Assert.That(strict.Exit, Is.Not.EqualTo(0), "strict reading stays the default");
        Assert.That(strict.Err, Does.Contain("attacked.txt").And.Contain("wrong column count"));
        var lenient = CliHarness.Run("evaluate", "--model", dir.File("F/model"), "--task", "ner", "--test", dir.File("attacked.txt"),
            "--lenient-columns", "--out", dir.File("E1"));
        Assert.That(lenient.Exit, Is.EqualTo(0), lenient.Err);
        Assert.That(lenient.Out, Does.Contain($"{splitCount} token line(s) with extra fields read leniently"));
        Assert.That(File.ReadAllText(dir.File("E1/results.csv")), Does.Contain(",f1,"));
    }
}
