using System.Text.Json;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert models import minilm-l6`, then training from it: a pretrained start with no Python and no network.</summary>
[NonParallelizable] // swaps Console writers, sets CHARBERT_CACHE
public class ModelsCommandTests
{
    [Test]
    public void ImportedMiniLmFineTunesOnPos()
    {
        using var dir = new TempFolder();
        var cache = dir.File("cache");
        var model = Path.Combine(cache, "models", "minilm-l6"); // where the built-in name resolves to
        var import = CliHarness.Run("models", "import", "minilm-l6", "--out", model);
        Assert.That(import.Exit, Is.EqualTo(0), import.Err);
        Assert.That(import.Out, Does.Contain("model.safetensors").And.Contain("written to " + model));

        var again = CliHarness.Run("models", "import", "minilm-l6", "--out", model);
        Assert.That(again.Exit, Is.EqualTo(2));
        Assert.That(again.Err, Does.Contain("already exists"));

        var train = SyntheticTaskFiles.WriteNer(dir.File("train.txt"), 8, 1);
        var dev = SyntheticTaskFiles.WriteNer(dir.File("dev.txt"), 4, 2);
        var saved = Environment.GetEnvironmentVariable("CHARBERT_CACHE");
        Environment.SetEnvironmentVariable("CHARBERT_CACHE", cache);
        try
        {
            // by name, as a user who never ran `models import` would (here the import above is the cached one)
            var finetune = CliHarness.Run("finetune", "--task", "pos", "--model", "minilm-l6", "--train", train, "--dev", dev, "--epochs", "1",
                "--batch-size", "4", "--max-seq-length", "16", "--quiet", "--out", dir.File("run"));
            Assert.That(finetune.Exit, Is.EqualTo(0), finetune.Err);
            Assert.That(finetune.Out, Does.Contain("pos: step 2/2"));
        }
        finally { Environment.SetEnvironmentVariable("CHARBERT_CACHE", saved); }

        Assert.That(File.Exists(dir.File("run/model/model.safetensors")));
        using (var initialization = JsonDocument.Parse(File.ReadAllText(dir.File("run/initialization.json"))))
        {
            var fresh = initialization.RootElement.GetProperty("fresh").EnumerateArray().Select(e => e.GetString()!).ToList();
            Assert.That(fresh, Has.Some.StartsWith("bert.char_embeddings."), "CharBERT's char channel starts fresh");
            Assert.That(fresh, Has.None.StartsWith("bert.encoder.layer.").And.None.StartsWith("bert.embeddings."), "the token channel is MiniLM's");
        }
        using (var config = JsonDocument.Parse(File.ReadAllText(dir.File("run/config.json"))))
        {
            Assert.That(config.RootElement.GetProperty("model_directory").GetString(), Is.EqualTo(model));
            Assert.That(config.RootElement.GetProperty("lower_case").GetBoolean(), Is.True, "the casing comes from the model's tokenizer_config.json");
        }
    }

    [Test]
    public void AnUnknownModelNameIsOneClearLine()
    {
        using var dir = new TempFolder();
        var import = CliHarness.Run("models", "import", "minilm-l12", "--out", dir.File("m"));
        Assert.That(import.Exit, Is.EqualTo(2));
        Assert.That(import.Err.Trim(), Is.EqualTo("error: no built-in model named minilm-l12 (built-in: minilm-l6)"));

        var finetune = CliHarness.Run("finetune", "--task", "pos", "--model", "minilm-l12", "--train", "t", "--dev", "d", "--out", dir.File("run"));
        Assert.That(finetune.Exit, Is.EqualTo(2));
        Assert.That(finetune.Err.Trim(), Is.EqualTo("error: no model directory or built-in model named minilm-l12 (built-in: minilm-l6)"));
    }
}
