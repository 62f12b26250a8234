using System.Globalization;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.TestSupport;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>pytorch_model.bin directories (the original code's, zip and legacy format) through the real commands:
/// verify-reference --checkpoint reproduces the original's logits; finetune --model, pretrain --init-from and
/// evaluate take .bin weights like model.safetensors.</summary>
[NonParallelizable]
public class BinCheckpointCommandsTests
{
    private static string Originals => Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Modeling.Tests", "Fixtures", "original-checkpoints");
    private static string Expected => Path.Combine(Originals, "expected.safetensors");

    private static IEnumerable<TestCaseData> Models =>
        from model in new[] { "charbert-ner", "charbert-mlm", "bert-ner" }
        from weights in new[] { "pytorch_model.bin", "pytorch_model.legacy.bin" }
        select new TestCaseData(model, weights).SetName($"verify-reference {model} --weights {weights}");

    [TestCaseSource(nameof(Models))]
    public void VerifyReference_reproduces_the_original_logits(string model, string weights)
    {
        var result = CliHarness.Run("verify-reference", "--checkpoint", Path.Combine(Originals, model), "--expected", Expected,
            "--key", $"expected.{model}.logits", "--weights", weights, "--tolerance", "1e-5", "--json");
        Assert.That(result.Exit, Is.EqualTo(0), result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("\"passed\": true").And.Contain("max_abs_diff"));
    }

    [Test]
    public void VerifyReference_exits_1_outside_the_tolerance_and_2_on_bad_input()
    {
        var tight = CliHarness.Run("verify-reference", "--checkpoint", Path.Combine(Originals, "bert-ner"), "--expected", Expected,
            "--key", "expected.bert-ner.logits", "--tolerance", "1e-12", "--json");
        Assert.That(tight.Exit, Is.EqualTo(1), tight.Out + tight.Err);
        Assert.That(tight.Out, Does.Contain("\"passed\": false").And.Contain("max_abs_diff"));

        var wrongKey = CliHarness.Run("verify-reference", "--checkpoint", Path.Combine(Originals, "bert-ner"), "--expected", Expected, "--key", "expected.nope");
        Assert.That((wrongKey.Exit, wrongKey.Err.Trim().Split('\n').Length), Is.EqualTo((2, 1)));
        Assert.That(wrongKey.Err, Does.Contain("no tensor named 'expected.nope'"));

        using var dir = new TempFolder();
        var broken = dir.File("broken");
        Directory.CreateDirectory(broken);
        File.Copy(Path.Combine(Originals, "bert-ner", "config.json"), Path.Combine(broken, "config.json"));
        var bytes = File.ReadAllBytes(Path.Combine(Originals, "bert-ner", "pytorch_model.legacy.bin"));
        File.WriteAllBytes(Path.Combine(broken, "pytorch_model.bin"), bytes[..(bytes.Length / 2)]);
        var truncated = CliHarness.Run("verify-reference", "--checkpoint", broken, "--expected", Expected, "--key", "expected.bert-ner.logits");
        Assert.That(truncated.Exit, Is.EqualTo(2));
        Assert.That(truncated.Err, Does.StartWith("error: ").And.Contain("pytorch_model.bin: truncated"));
    }

    [Test]
    public void VerifyReference_fixture_mode_still_works()
    {
        var fixture = Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Modeling.Tests", "Fixtures", "charbert-tiny.safetensors");
        var result = CliHarness.Run("verify-reference", "--fixture", fixture, "--json");
        Assert.That(result.Exit, Is.EqualTo(0), result.Out + result.Err);
        Assert.That(result.Out, Does.Contain("\"passed\": true"));
    }

    /// <summary>An original directory holding only config.json and the legacy-format .bin, named pytorch_model.bin.</summary>
    private static string OriginalDirectory(TempFolder dir, string model)
    {
        var target = dir.File(model);
        Directory.CreateDirectory(target);
        File.Copy(Path.Combine(Originals, model, "config.json"), Path.Combine(target, "config.json"));
        File.Copy(Path.Combine(Originals, model, "pytorch_model.legacy.bin"), Path.Combine(target, "pytorch_model.bin"));
        return target;
    }

    [Test]
    public void Finetune_starts_from_an_original_bin_and_evaluate_reads_a_bin_model_directory()
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        var train = SyntheticTaskFiles.WriteNer(dir.File("train.txt"), 8, 1);
        var dev = SyntheticTaskFiles.WriteNer(dir.File("dev.txt"), 4, 2);
        var finetune = CliHarness.Run("finetune", "--task", "ner", "--model", OriginalDirectory(dir, "charbert-mlm"), "--vocab", vocab,
            "--train", train, "--dev", dev, "--epochs", "1", "--batch-size", "8", "--max-seq-length", "24", "--quiet", "--out", dir.File("run"));
        Assert.That(finetune.Exit, Is.EqualTo(0), finetune.Err);

        string Evaluate(string output)
        {
            var result = CliHarness.Run("evaluate", "--model", dir.File("run/model"), "--task", "ner", "--test", dev, "--out", dir.File(output));
            Assert.That(result.Exit, Is.EqualTo(0), result.Err);
            return File.ReadAllLines(dir.File(output + "/results.csv")).Skip(1).Select(l => l.Split(',')).Single(c => c[3] == "f1")[4];
        }
        var fromSafetensors = Evaluate("eval-safetensors");

        // the same model directory with its weights as a zip-format pytorch_model.bin instead
        var weights = dir.File("run/model/model.safetensors");
        using (var stateDict = StateDictFile.Read(weights)) TorchCheckpointWriter.WriteZip(dir.File("run/model/pytorch_model.bin"), stateDict);
        File.Delete(weights);
        Assert.That(Evaluate("eval-bin"), Is.EqualTo(fromSafetensors));
    }

    [Test]
    public void Finetune_of_the_bert_baseline_takes_the_original_bert_bin()
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        var train = SyntheticTaskFiles.WriteNer(dir.File("train.txt"), 16, 1);
        var result = CliHarness.Run("finetune", "--task", "ner", "--model", OriginalDirectory(dir, "bert-ner"), "--model-kind", "bert", "--vocab", vocab,
            "--train", train, "--dev", train, "--epochs", "1", "--batch-size", "8", "--max-seq-length", "24", "--quiet", "--out", dir.File("run"));
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(File.ReadAllText(dir.File("run/initialization.json")), Does.Contain("pytorch_model.bin"));
    }

    [Test]
    public void Pretrain_continues_from_the_original_charbert_bin()
    {
        using var dir = new TempFolder();
        var vocab = PaddedVocabulary(dir.File("vocab"), words: 1000, chars: 1001, terms: 512); // the checkpoint's sizes
        var corpus = SyntheticTaskFiles.WriteCorpus(dir.File("corpus.txt"), 40, 7);
        var result = CliHarness.Run("pretrain", "--train", corpus, "--init-from", OriginalDirectory(dir, "charbert-mlm"), "--vocab", vocab,
            "--block-size", "16", "--batch-size", "4", "--max-steps", "2", "--quiet", "--out", dir.File("run"));
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(File.Exists(dir.File("run/model/model.safetensors")));
    }

    [Test]
    public void Sensitivity_measures_an_original_ner_directory_whose_classifier_the_task_names()
    {
        using var dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(dir.File("vocab"));
        var clean = SyntheticTaskFiles.WriteNer(dir.File("clean.txt"), 4, 2);
        var attacked = dir.Write("attacked.txt", File.ReadAllText(clean).Replace("dog O", "dgo O").Replace("cat O", "cta O"));
        var result = CliHarness.Run("sensitivity", "--model", OriginalDirectory(dir, "charbert-ner"), "--vocab", vocab, "--task", "ner",
            "--clean", clean, "--attacked", attacked, "--max-seq-length", "32", "--device", "cpu", "--out", dir.File("s"));
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(Directory.GetFiles(dir.File("s"), "*.csv"), Is.Not.Empty);
    }

    [Test]
    public void BenchCheckpoint_reads_all_three_formats_and_writes_its_rows()
    {
        using var dir = new TempFolder();
        var result = CliHarness.Run("bench", "checkpoint", "--config", "tiny", "--runs", "1", "--in-process", "--dir", dir.File("files"),
            "--csv", dir.File("rows.csv"), "--json");
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        using var rows = System.Text.Json.JsonDocument.Parse(result.Out);
        Assert.That(rows.RootElement.EnumerateArray().Select(r => r.GetProperty("format").GetString()),
            Is.EqualTo(new[] { "safetensors", "safetensors", "zip .bin", "legacy .bin" }));
        var tensorCounts = rows.RootElement.EnumerateArray().Select(r => r.GetProperty("tensors").GetInt32()).Distinct().ToList();
        Assert.That(tensorCounts, Has.Count.EqualTo(1), "every reader finds the same tensors");
        Assert.That(tensorCounts[0], Is.GreaterThan(20));
        Assert.That(File.ReadAllLines(dir.File("rows.csv")), Has.Length.EqualTo(5));
    }

    /// <summary>The synthetic vocabularies, padded with unused entries to the sizes of a checkpoint's embeddings.</summary>
    private static string PaddedVocabulary(string directory, int words, int chars, int terms)
    {
        SyntheticTaskFiles.WriteVocabulary(directory);
        SyntheticTaskFiles.WriteTermVocabulary(directory);
        void Pad(string file, int count, Func<int, string> filler)
        {
            var lines = File.ReadAllLines(Path.Combine(directory, file)).ToList();
            for (var i = 0; lines.Count < count; i++) lines.Add(filler(i));
            File.WriteAllLines(Path.Combine(directory, file), lines);
        }
        Pad("vocab.txt", words, i => $"[unused{i}]");
        Pad("bert_char_vocab", chars, i => char.ConvertFromUtf32(0x4E00 + i));
        Pad("term_vocab", terms, i => string.Create(CultureInfo.InvariantCulture, $"filler{i}"));
        return directory;
    }
}
