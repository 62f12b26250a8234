using CharBert.Hub.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert models get` against the loopback hub, through the real command tree.</summary>
[NonParallelizable]
public class ModelsGetCommandTests
{
    static readonly string Commit = TinyModels.Commit("cli");

    [Test]
    public void Downloads_into_the_cache_prints_the_snapshot_and_copies_into_out()
    {
        using var hub = new LoopbackHub();
        var repo = TinyModels.Bert("org/tiny", Commit);
        hub.Add(repo);
        using var dir = new TempFolder();

        var first = CliHarness.Run("models", "get", "org/tiny", "--endpoint", hub.Endpoint, "--cache-dir", dir.File("cache"), "--out", dir.File("model"));

        Assert.That(first.Exit, Is.EqualTo(0), first.Err);
        Assert.That(first.Out, Does.Contain($"org/tiny at main: commit {Commit}").And.Contain("model.safetensors").And.Contain("downloaded")
            .And.Contain($"snapshot: {dir.File($"cache/models--org--tiny/snapshots/{Commit}")}"));
        foreach (var name in new[] { "config.json", "vocab.txt", "model.safetensors" })
        {
            Assert.That(File.ReadAllBytes(dir.File($"model/{name}")), Is.EqualTo(repo.Commits[Commit][name].Bytes), name);
            Assert.That(new FileInfo(dir.File($"model/{name}")).LinkTarget, Is.Null, $"{name} is a copy, not a link into the cache");
        }
        Assert.That(Directory.GetFiles(dir.File("model")).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors", "bert_char_vocab", "term_vocab", "provenance.json",
        }));
        Assert.That(File.ReadAllText(dir.File("model/tokenizer_config.json")), Does.Contain("\"do_lower_case\": true"));
        Assert.That(Directory.GetFiles(dir.File("cache"), "*", SearchOption.AllDirectories).Select(Path.GetFileName),
            Has.None.EqualTo("bert_char_vocab").And.None.EqualTo("provenance.json"), "the hub cache is left as huggingface_hub would leave it");

        var existing = CliHarness.Run("models", "get", "org/tiny", "--offline", "--cache-dir", dir.File("cache"), "--out", dir.File("model"));
        Assert.That(existing.Exit, Is.EqualTo(2));
        Assert.That(existing.Err, Does.StartWith($"error: --out {dir.File("model")} already exists"));

        var offline = CliHarness.Run("models", "get", "org/tiny", "--offline", "--cache-dir", dir.File("cache"));
        Assert.That(offline.Exit, Is.EqualTo(0), offline.Err);
        Assert.That(offline.Out, Does.Contain("(served from the cache)").And.Not.Contain("downloaded"));
    }

    [Test]
    public void Failures_are_one_line_with_exit_code_2()
    {
        using var hub = new LoopbackHub();
        hub.Add(TinyModels.Bert("org/gated", Commit, token: "hf_secret"));
        using var dir = new TempFolder();

        var gated = CliHarness.Run("models", "get", "org/gated", "--endpoint", hub.Endpoint, "--cache-dir", dir.File("cache"));
        Assert.That(gated.Exit, Is.EqualTo(2));
        Assert.That(gated.Err, Does.StartWith("error: org/gated is a gated model (401): accept its conditions at").And.Contain("--token or HF_TOKEN"));
        Assert.That(gated.Err.TrimEnd().Split('\n'), Has.Length.EqualTo(1));

        var withToken = CliHarness.Run("models", "get", "org/gated", "--endpoint", hub.Endpoint, "--cache-dir", dir.File("cache"), "--token", "hf_secret");
        Assert.That(withToken.Exit, Is.EqualTo(0), withToken.Err);

        var offline = CliHarness.Run("models", "get", "org/absent", "--offline", "--cache-dir", dir.File("cache"));
        Assert.That(offline.Exit, Is.EqualTo(2));
        Assert.That(offline.Err, Does.StartWith("error: org/absent at revision 'main': it is not in the cache"));

        var badId = CliHarness.Run("models", "get", "org/../x", "--offline", "--cache-dir", dir.File("cache"));
        Assert.That(badId.Exit, Is.EqualTo(2));
        Assert.That(badId.Err, Does.StartWith("error: 'org/../x' is not a hub repository id"));
    }
}
