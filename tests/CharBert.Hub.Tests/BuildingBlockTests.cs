using System.Text;
using CharBert.Hub.Http;
using CharBert.Hub.Tests.Support;
using NUnit.Framework;

namespace CharBert.Hub.Tests;

/// <summary>The pieces on their own: hashes against published values, repo ids, settings from the
/// environment, ETag normalisation, file choice.</summary>
sealed class BuildingBlockTests
{
    [Test]
    public void Git_blob_id_and_sha256_match_published_values()
    {
        // `echo 'hello world' | git hash-object --stdin` and the FIPS 180-2 "abc" vector.
        using var git = ContentHash.ForEtag("3b18e512dba79e4c8300dd08aeb37f8e728b8dad", 12)!;
        git.Append(Encoding.ASCII.GetBytes("hello "));
        git.Append(Encoding.ASCII.GetBytes("world\n"));
        Assert.That(git.Algorithm, Is.EqualTo("git-sha1"));
        Assert.That(git.FinishHex(), Is.EqualTo("3b18e512dba79e4c8300dd08aeb37f8e728b8dad"));

        using var sha = ContentHash.ForEtag(new string('0', 64), 3)!;
        sha.Append(Encoding.ASCII.GetBytes("xyz"));
        sha.Reset();
        sha.Append(Encoding.ASCII.GetBytes("abc"));
        Assert.That(sha.FinishHex(), Is.EqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));

        Assert.That(ContentHash.ForEtag("some-mirror-etag", 3), Is.Null, "other ETags: size check only");
    }

    [TestCase("bert-base-uncased", "models--bert-base-uncased")]
    [TestCase("sentence-transformers/all-MiniLM-L6-v2", "models--sentence-transformers--all-MiniLM-L6-v2")]
    [TestCase("org_1/name.v2", "models--org_1--name.v2")]
    public void Valid_repo_ids_map_to_huggingface_hub_cache_folders(string id, string folder) =>
        Assert.That(RepoId.Parse(id).CacheFolderName, Is.EqualTo(folder));

    [TestCase("")]
    [TestCase("a/b/c")]
    [TestCase("../etc")]
    [TestCase("org/na--me")]
    [TestCase("-org/name")]
    [TestCase("org/name.")]
    [TestCase("org name")]
    public void Invalid_repo_ids_are_refused_with_the_rule(string id)
    {
        var error = Assert.Throws<HubException>(() => RepoId.Parse(id))!;
        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.InvalidArgument));
        Assert.That(error.Message, Does.Contain("expected 'name' or 'org/name'"));
    }

    [Test]
    public void Settings_follow_huggingface_hub_precedence()
    {
        using var home = new TempFolder();
        File.WriteAllText(Path.Combine(home.Path, "token"), "hf_from_file\n");
        var env = new Dictionary<string, string?> { ["HF_HOME"] = home.Path, ["XDG_CACHE_HOME"] = "/xdg" };
        HubSettings Read() => HubSettings.FromEnvironment(name => env.GetValueOrDefault(name));

        var fromHome = Read();
        Assert.That(fromHome.CacheDirectory, Is.EqualTo(Path.Combine(home.Path, "hub")));
        Assert.That(fromHome.Token, Is.EqualTo("hf_from_file"), "the token file hf auth login writes");
        Assert.That(fromHome.Endpoint, Is.EqualTo("https://huggingface.co"));
        Assert.That(fromHome.Offline, Is.False);

        env["HF_HUB_CACHE"] = "/hub-cache";
        env["HF_TOKEN"] = " hf_env ";
        env["HF_ENDPOINT"] = "https://hf-mirror.com/";
        env["HF_HUB_OFFLINE"] = "yes";
        env["HF_HUB_DOWNLOAD_TIMEOUT"] = "30";
        var explicitOnes = Read();
        Assert.That(explicitOnes.CacheDirectory, Is.EqualTo("/hub-cache"));
        Assert.That(explicitOnes.Token, Is.EqualTo("hf_env"));
        Assert.That(explicitOnes.Endpoint, Is.EqualTo("https://hf-mirror.com"));
        Assert.That(explicitOnes.Offline);
        Assert.That(explicitOnes.DownloadTimeout, Is.EqualTo(TimeSpan.FromSeconds(30)));

        env.Remove("HF_HOME");
        env.Remove("HF_HUB_CACHE");
        Assert.That(Read().CacheDirectory, Is.EqualTo("/xdg/huggingface/hub"));

        env["HF_ENDPOINT"] = "ftp://example.org";
        Assert.That(() => Read(), Throws.TypeOf<HubException>().With.Message.EqualTo("HF_ENDPOINT 'ftp://example.org' is not an http(s) URL"));
    }

    [TestCase("\"abc123\"", "abc123")]
    [TestCase("W/\"abc123\"", "abc123")]
    [TestCase("\"../../etc\"", null)]
    [TestCase(null, null)]
    public void Etags_are_normalised_and_unusable_ones_refused(string? header, string? expected) =>
        Assert.That(HubApi.NormalizeEtag(header), Is.EqualTo(expected));

    [Test]
    public void Weights_are_chosen_in_transformers_order()
    {
        IReadOnlyList<string> Choose(params string[] files) => ModelFiles.Choose(files.ToHashSet(), "r");

        Assert.That(Choose("config.json", "pytorch_model.bin", "model.safetensors", "vocab.txt"),
            Is.EqualTo(new[] { "config.json", "vocab.txt", "model.safetensors" }));
        Assert.That(Choose("config.json", "pytorch_model.bin", "model.safetensors.index.json")[^1], Is.EqualTo("model.safetensors.index.json"));
        Assert.That(Choose("config.json", "pytorch_model.bin.index.json", "pytorch_model.bin")[^1], Is.EqualTo("pytorch_model.bin"));
        Assert.That(() => Choose("vocab.txt", "model.safetensors"), Throws.TypeOf<HubException>().With.Message.EqualTo("r has no config.json: not a transformers model repository"));
    }

    [Test]
    public void A_shard_index_naming_a_path_outside_the_snapshot_is_refused()
    {
        using var folder = new TempFolder();
        var index = Path.Combine(folder.Path, "model.safetensors.index.json");
        File.WriteAllText(index, """{"weight_map": {"a": "../../evil.safetensors"}}""");

        Assert.That(() => ModelFiles.ShardsOf(index, "model.safetensors.index.json"), Throws.TypeOf<HubException>()
            .With.Message.EqualTo("model.safetensors.index.json at weight_map[\"a\"]: '../../evil.safetensors' is not a usable file name"));
    }
}
