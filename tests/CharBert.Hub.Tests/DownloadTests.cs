using CharBert.Hub.Tests.Support;
using NUnit.Framework;

namespace CharBert.Hub.Tests;

/// <summary>The whole path against the loopback hub: listing, HEAD, CDN redirect, cache layout, reuse.</summary>
sealed class DownloadTests : HubTestBase
{
    [Test]
    public async Task Full_download_fills_blobs_snapshot_and_ref_like_huggingface_hub()
    {
        var repo = TinyModels.Bert(Org, C1);
        Hub.Add(repo);
        var progress = new ProgressLog();

        var snapshot = await Get(Org, progress: progress);

        Assert.That(snapshot.Commit, Is.EqualTo(C1));
        Assert.That(snapshot.Folder, Is.EqualTo(Path.Combine(RepoFolder(Org), "snapshots", C1)));
        Assert.That(snapshot.FromCacheOnly, Is.False);
        var expected = new[] { "config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors" };
        Assert.That(snapshot.Files.Select(f => f.Name), Is.EqualTo(expected), "README.md and tf_model.h5 are not needed");
        foreach (var name in expected)
        {
            var served = Served(repo, C1, name);
            var pointer = Path.Combine(snapshot.Folder, name);
            Assert.That(File.ReadAllBytes(pointer), Is.EqualTo(served.Bytes), name);
            Assert.That(new FileInfo(pointer).LinkTarget, Is.EqualTo(Path.Combine("..", "..", "blobs", served.Etag)), $"{name}: relative link to its blob");
        }
        Assert.That(Directory.GetFiles(Blobs(Org)).Select(Path.GetFileName),
            Is.EquivalentTo(expected.Select(n => Served(repo, C1, n).Etag)), "blobs named by sha256 (LFS) or git blob id");
        Assert.That(File.ReadAllText(Path.Combine(RepoFolder(Org), "refs", "main")), Is.EqualTo(C1));
        Assert.That(Hub.Requests.Count(r => r.ToCdn && r.Method == "GET"), Is.EqualTo(1), "the LFS file came from the CDN");

        var weights = progress.Reports.Where(p => p.File == "model.safetensors").ToList();
        Assert.That(weights[^1].Status, Is.EqualTo(HubFileStatus.Downloaded));
        Assert.That(weights.Where(p => p.Status == HubFileStatus.Downloading).Select(p => p.BytesDone), Is.Ordered);
        Assert.That(weights[^1].BytesDone, Is.EqualTo(300_000));
    }

    [Test]
    public async Task Second_run_is_served_from_the_cache_without_fetching_a_file()
    {
        Hub.Add(TinyModels.Bert(Org, C1));
        await Get(Org);
        Hub.ClearLog();

        var again = await Get(Org);

        Assert.That(FileRequests(), Is.Empty, "no HEAD or GET of a file, nothing from the CDN");
        Assert.That(Hub.Requests.Select(r => r.Path), Is.EqualTo(new[] { $"/api/models/{Org}/revision/main" }),
            "one metadata call: has main moved?");
        Assert.That(again.Files.All(f => !f.Downloaded));
    }

    [Test]
    public async Task A_commit_hash_revision_is_fetched_at_that_commit_writes_no_ref_and_is_then_served_offline_by_itself()
    {
        var repo = TinyModels.Bert(Org, C2, seed: 2);
        repo.Commits[C1] = new Dictionary<string, ServedFile>(TinyModels.Bert(Org, C1, seed: 1).Commits[C1]);
        Hub.Add(repo);

        var old = await Get(Org, C1);

        Assert.That(old.Commit, Is.EqualTo(C1));
        Assert.That(File.ReadAllBytes(Path.Combine(old.Folder, "model.safetensors")), Is.EqualTo(Served(repo, C1, "model.safetensors").Bytes));
        Assert.That(Directory.Exists(Path.Combine(RepoFolder(Org), "refs")), Is.False, "a commit needs no ref");

        Hub.ClearLog();
        var again = await Get(Org, C1);
        Assert.That(Hub.Requests, Is.Empty, "a complete snapshot of a commit cannot change: no request at all");
        Assert.That(again.FromCacheOnly);
    }

    [Test]
    public async Task A_tag_is_resolved_and_recorded_under_refs()
    {
        var repo = TinyModels.Bert(Org, C1);
        repo.Refs["v1.0"] = C1;
        Hub.Add(repo);

        var snapshot = await Get(Org, "v1.0");

        Assert.That(snapshot.Commit, Is.EqualTo(C1));
        Assert.That(File.ReadAllText(Path.Combine(RepoFolder(Org), "refs", "v1.0")), Is.EqualTo(C1));
    }

    [Test]
    public async Task A_revision_with_slashes_is_sent_escaped_and_stored_under_refs_like_huggingface_hub()
    {
        var repo = TinyModels.Bert(Org, C1);
        repo.Refs["refs/pr/1"] = C1;
        Hub.Add(repo);

        var snapshot = await Get(Org, "refs/pr/1");

        Assert.That(snapshot.Commit, Is.EqualTo(C1));
        Assert.That(Hub.Requests.First().Path, Is.EqualTo($"/api/models/{Org}/revision/refs%2Fpr%2F1"));
        Assert.That(File.ReadAllText(Path.Combine(RepoFolder(Org), "refs", "refs", "pr", "1")), Is.EqualTo(C1));
    }

    [Test]
    public async Task A_blob_already_cached_for_another_commit_is_linked_not_downloaded()
    {
        var repo = TinyModels.Bert(Org, C2);
        repo.Commits[C1] = new Dictionary<string, ServedFile>(repo.Commits[C2]);
        Hub.Add(repo);
        await Get(Org, C1);
        Hub.ClearLog();

        var snapshot = await Get(Org);

        Assert.That(snapshot.Commit, Is.EqualTo(C2));
        Assert.That(Hub.Requests.Count(r => r.ToCdn), Is.Zero);
        Assert.That(Hub.Requests.Count(r => r.Method == "GET" && r.Path.Contains("/resolve/")), Is.Zero, "only HEADs, for the ETags");
        Assert.That(Directory.GetFiles(Blobs(Org)), Has.Length.EqualTo(4));
    }

    [Test]
    public async Task Sharded_weights_bring_the_index_and_every_shard_it_names()
    {
        var repo = TinyModels.Sharded("org/big", C1);
        Hub.Add(repo);

        var snapshot = await Get("org/big");

        Assert.That(snapshot.Files.Select(f => f.Name), Is.EqualTo(new[]
        {
            "config.json", "vocab.txt", "model.safetensors.index.json",
            "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors",
        }));
        foreach (var file in snapshot.Files)
            Assert.That(File.ReadAllBytes(file.Path), Is.EqualTo(Served(repo, C1, file.Name).Bytes), file.Name);
    }

    [Test]
    public async Task Without_safetensors_pytorch_model_bin_is_fetched()
    {
        var repo = TinyModels.BinOnly("org/old", C1);
        Hub.Add(repo);

        var snapshot = await Get("org/old");

        Assert.That(snapshot.Files.Select(f => f.Name), Is.EqualTo(new[] { "config.json", "vocab.txt", "pytorch_model.bin" }));
        Assert.That(File.ReadAllBytes(snapshot.Files[^1].Path), Is.EqualTo(Served(repo, C1, "pytorch_model.bin").Bytes));
    }

    [Test]
    public async Task A_mirror_without_the_model_info_api_is_probed_file_by_file()
    {
        var repo = TinyModels.Bert(Org, C1);
        Hub.Add(repo);
        Hub.ApiEnabled = false;

        var snapshot = await Get(Org);

        Assert.That(snapshot.Commit, Is.EqualTo(C1));
        Assert.That(snapshot.Files.Select(f => f.Name), Is.EqualTo(new[] { "config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors" }));
        Assert.That(File.ReadAllBytes(snapshot.Files[^1].Path), Is.EqualTo(Served(repo, C1, "model.safetensors").Bytes));
        Assert.That(Hub.Requests.Where(r => r.Method == "HEAD" && r.Path.Contains("/resolve/")).Select(r => r.Path),
            Has.None.Contains("pytorch_model.bin"), "probing stops at the first weights found");
        Assert.That(Log, Has.Some.Contains("no model-info API"));
    }

    [Test]
    public async Task The_token_goes_to_the_hub_and_never_to_the_cdn()
    {
        Hub.Add(TinyModels.Bert("org/gated", C1, token: "hf_secret"));

        await Get("org/gated", settings: Settings(token: "hf_secret"));

        var hub = Hub.Requests.Where(r => !r.ToCdn).ToList();
        var cdn = Hub.Requests.Where(r => r.ToCdn).ToList();
        Assert.That(hub, Is.Not.Empty);
        Assert.That(cdn, Is.Not.Empty);
        Assert.That(hub.Select(r => r.Header("Authorization")), Is.All.EqualTo("Bearer hf_secret"));
        Assert.That(cdn.Select(r => r.Header("Authorization")), Is.All.Null);
    }

    [Test]
    public async Task Where_links_are_disabled_the_snapshot_holds_copies()
    {
        var repo = TinyModels.Bert(Org, C1);
        Hub.Add(repo);

        var snapshot = await Get(Org, settings: Settings() with { DisableSymlinks = true });

        foreach (var file in snapshot.Files)
        {
            Assert.That(new FileInfo(file.Path).LinkTarget, Is.Null, file.Name);
            Assert.That(File.ReadAllBytes(file.Path), Is.EqualTo(Served(repo, C1, file.Name).Bytes), file.Name);
        }
    }
}
