using System.Text.Json;
using CharBert.Hub.Tests.Support;
using CharBert.Modeling;
using CharBert.Modeling.Modules;
using CharBert.Modeling.Safetensors;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>A real (tiny, random) BERT served by the loopback hub, trained from with no Python: through
/// `models get --out DIR`, and by naming the hub id where a model directory is expected.</summary>
[NonParallelizable] // swaps Console writers, sets HF_* and CHARBERT_CACHE
public class HubModelTrainingTests
{
    const string RepoId = "org/tiny-bert";
    static readonly string Commit = TinyModels.Commit("tiny-bert");

    /// <summary>config.json as transformers writes it, a cased vocab.txt (no tokenizer_config.json: casing is
    /// inferred), and BertModel weights under Hugging Face names.</summary>
    static ServedRepo TinyBert(TempFolder scratch)
    {
        var vocabulary = File.ReadAllLines(Path.Combine(SyntheticTaskFiles.WriteVocabulary(scratch.File("vocabulary")), "vocab.txt"));
        var config = CharBertConfig.Tiny with
        {
            HiddenSize = 32, NumAttentionHeads = 2, IntermediateSize = 64, NumHiddenLayers = 1, VocabSize = vocabulary.Length, MaxPositionEmbeddings = 64,
        };
        var weights = scratch.File("model.safetensors");
        using (var bert = new BertModel(config))
            SafetensorsWriter.Write(weights, bert.state_dict(), new Dictionary<string, string> { ["format"] = "pt" });
        var hfConfig = $$"""
            {
              "architectures": ["BertModel"], "model_type": "bert", "transformers_version": "4.44.0",
              "vocab_size": {{vocabulary.Length}}, "hidden_size": 32, "num_hidden_layers": 1, "num_attention_heads": 2,
              "intermediate_size": 64, "hidden_act": "gelu", "hidden_dropout_prob": 0.1, "attention_probs_dropout_prob": 0.1,
              "max_position_embeddings": 64, "type_vocab_size": 2, "initializer_range": 0.02, "layer_norm_eps": 1e-12,
              "pad_token_id": 0, "position_embedding_type": "absolute"
            }
            """;
        var repo = new ServedRepo(RepoId);
        repo.Refs["main"] = Commit;
        repo.Commits[Commit] = new Dictionary<string, ServedFile>
        {
            ["config.json"] = new(System.Text.Encoding.UTF8.GetBytes(hfConfig), Lfs: false),
            ["vocab.txt"] = new(File.ReadAllBytes(scratch.File("vocabulary/vocab.txt")), Lfs: false),
            ["model.safetensors"] = new(File.ReadAllBytes(weights), Lfs: true),
        };
        return repo;
    }

    static string[] Finetune(string model, TempFolder dir, string run) =>
        ["finetune", "--task", "pos", "--model", model, "--train", dir.File("train.txt"), "--dev", dir.File("dev.txt"), "--epochs", "1",
         "--batch-size", "4", "--max-seq-length", "16", "--quiet", "--out", dir.File(run)];

    static void AssertTokenChannelLoaded(string run)
    {
        using var initialization = JsonDocument.Parse(File.ReadAllText(Path.Combine(run, "initialization.json")));
        var fresh = initialization.RootElement.GetProperty("fresh").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.That(fresh, Has.Some.StartsWith("bert.char_embeddings."), "CharBERT's char channel starts fresh");
        Assert.That(fresh, Has.None.StartsWith("bert.encoder.layer.").And.None.StartsWith("bert.embeddings."), "the token channel is the hub model's");
    }

    [Test]
    public void A_hub_model_fine_tunes_from_models_get_out_and_from_its_id()
    {
        using var dir = new TempFolder();
        using var hub = new LoopbackHub();
        hub.Add(TinyBert(dir));
        SyntheticTaskFiles.WriteNer(dir.File("train.txt"), 8, 1);
        SyntheticTaskFiles.WriteNer(dir.File("dev.txt"), 4, 2);

        var get = CliHarness.Run("models", "get", RepoId, "--endpoint", hub.Endpoint, "--cache-dir", dir.File("hf"), "--out", dir.File("m"));
        Assert.That(get.Exit, Is.EqualTo(0), get.Err);
        var fromOut = CliHarness.Run(Finetune(dir.File("m"), dir, "run-out"));
        Assert.That(fromOut.Exit, Is.EqualTo(0), fromOut.Err);
        AssertTokenChannelLoaded(dir.File("run-out"));
        using (var config = JsonDocument.Parse(File.ReadAllText(dir.File("run-out/config.json"))))
            Assert.That(config.RootElement.GetProperty("lower_case").GetBoolean(), Is.False, "vocab.txt has capitalised names: cased");

        WithHubEnvironment(hub, dir, offline: false, () =>
        {
            var byId = CliHarness.Run(Finetune(RepoId, dir, "run-id"));
            Assert.That(byId.Exit, Is.EqualTo(0), byId.Err);
            Assert.That(byId.Err, Does.Contain($"downloading model.safetensors").And.Contain($"preparing {RepoId} (commit {Commit})"));
            AssertTokenChannelLoaded(dir.File("run-id"));
            var prepared = dir.File($"charbert/models/hub/models--org--tiny-bert/{Commit}");
            using (var config = JsonDocument.Parse(File.ReadAllText(dir.File("run-id/config.json"))))
                Assert.That(config.RootElement.GetProperty("model_directory").GetString(), Is.EqualTo(prepared));
            Assert.That(new FileInfo(Path.Combine(prepared, "model.safetensors")).ResolveLinkTarget(true)!.FullName,
                Does.StartWith(dir.File("hf2/models--org--tiny-bert/blobs/")), "weights linked to the hub cache, not copied");

            hub.ClearLog();
            var pretrain = CliHarness.Run("pretrain", "--init-from", $"{RepoId}@{Commit}", "--train", SyntheticTaskFiles.WriteCorpus(dir.File("corpus.txt"), 20, 3),
                "--max-steps", "1", "--batch-size", "2", "--block-size", "16", "--quiet", "--out", dir.File("pretrain"));
            Assert.That(pretrain.Exit, Is.EqualTo(0), pretrain.Err);
            Assert.That(hub.Requests, Is.Empty, "a prepared commit needs no request");
            Assert.That(File.Exists(dir.File("pretrain/model/model.safetensors")));
        });
    }

    /// <summary>Runs <paramref name="body"/> with the hub settings pointing at the loopback hub and caches in <paramref name="dir"/>.</summary>
    static void WithHubEnvironment(LoopbackHub hub, TempFolder dir, bool offline, Action body)
    {
        var variables = new Dictionary<string, string?>
        {
            ["HF_ENDPOINT"] = hub.Endpoint, ["HF_HUB_CACHE"] = dir.File("hf2"), ["CHARBERT_CACHE"] = dir.File("charbert"),
            ["HF_HUB_OFFLINE"] = offline ? "1" : null, ["HF_TOKEN"] = null,
        };
        var saved = variables.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        try
        {
            foreach (var (name, value) in variables) Environment.SetEnvironmentVariable(name, value);
            body();
        }
        finally
        {
            foreach (var (name, value) in saved) Environment.SetEnvironmentVariable(name, value);
        }
    }

    [Test]
    public void A_source_that_is_neither_a_directory_nor_a_hub_model_says_both()
    {
        using var dir = new TempFolder();
        using var hub = new LoopbackHub();
        string[] Typo() => ["finetune", "--task", "pos", "--model", "runs/typo", "--train", "t", "--dev", "d", "--out", dir.File("run")];

        WithHubEnvironment(hub, dir, offline: false, () =>
        {
            var online = CliHarness.Run(Typo());
            Assert.That(online.Exit, Is.EqualTo(2));
            Assert.That(online.Err.Trim(), Is.EqualTo("error: no model directory or built-in model named runs/typo, and as a Hugging Face hub id: " +
                "401 Unauthorized for runs/typo: the repository does not exist, or it is private or gated and needs a token (--token or HF_TOKEN)"));
        });
        WithHubEnvironment(hub, dir, offline: true, () =>
        {
            var offline = CliHarness.Run(Typo());
            Assert.That(offline.Exit, Is.EqualTo(2));
            Assert.That(offline.Err.Trim(), Does.StartWith("error: no model directory or built-in model named runs/typo, and as a Hugging Face hub id: runs/typo at revision 'main': it is not in the cache"));
        });
    }

    [Test]
    public void A_hub_model_that_is_not_a_bert_is_refused_with_one_line()
    {
        using var dir = new TempFolder();
        using var hub = new LoopbackHub();
        var repo = TinyModels.Bert("org/roberta", Commit);
        repo.Commits[Commit]["config.json"] = new(System.Text.Encoding.UTF8.GetBytes("""{"model_type": "roberta"}"""), Lfs: false);
        hub.Add(repo);

        var get = CliHarness.Run("models", "get", "org/roberta", "--endpoint", hub.Endpoint, "--cache-dir", dir.File("hf"), "--out", dir.File("m"));

        Assert.That(get.Exit, Is.EqualTo(2));
        Assert.That(get.Err.Trim(), Is.EqualTo("error: org/roberta is a 'roberta' model: the toolkit reads BERT checkpoints (model_type \"bert\") with a WordPiece vocab.txt"));
        Assert.That(Directory.Exists(dir.File("m")), Is.False, "nothing half-written");
    }
}
