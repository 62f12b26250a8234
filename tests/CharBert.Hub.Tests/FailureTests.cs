using System.Net;
using System.Net.Sockets;
using CharBert.Hub.Tests.Support;
using NUnit.Framework;

namespace CharBert.Hub.Tests;

/// <summary>Dropped connections, wrong bytes, refused and missing things, offline and unreachable hubs:
/// each ends in a usable cache and, when it fails, in one line that says what to do.</summary>
sealed class FailureTests : HubTestBase
{
    static readonly string Weights = "model.safetensors";

    [Test]
    public async Task A_connection_dropped_mid_file_is_resumed_with_Range_in_the_same_run()
    {
        var repo = TinyModels.Bert(Org, C1);
        Hub.Add(repo);
        Hub.DropAfterBytes = 100_000;

        var snapshot = await Get(Org);

        var cdnGets = Hub.Requests.Where(r => r.ToCdn && r.Method == "GET").ToList();
        Assert.That(cdnGets.Select(r => r.Header("Range")), Is.EqualTo(new string?[] { null, "bytes=100000-" }));
        Assert.That(File.ReadAllBytes(Path.Combine(snapshot.Folder, Weights)), Is.EqualTo(Served(repo, C1, Weights).Bytes));
        Assert.That(Log, Has.Some.Contains("resuming from byte 100000"));
    }

    [Test]
    public async Task A_download_given_up_leaves_its_partial_file_and_the_next_run_resumes_it()
    {
        var repo = TinyModels.Bert(Org, C1);
        Hub.Add(repo);
        Hub.DropAfterBytes = 100_000;
        var noRetry = Settings() with { ResumeAttempts = 0 };

        var error = await Fails(Org, settings: noRetry);

        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.Network));
        Assert.That(error.Message, Does.Contain("interrupted after 100000 of 300000 bytes").And.Contain("run the command again to resume"));
        var sha = Served(repo, C1, Weights).Sha256;
        var partial = Path.Combine(Blobs(Org), sha + ".incomplete");
        Assert.That(new FileInfo(partial).Length, Is.EqualTo(100_000));
        Assert.That(File.Exists(Path.Combine(Blobs(Org), sha)), Is.False, "nothing unverified under a blob name");
        Assert.That(File.Exists(Path.Combine(RepoFolder(Org), "snapshots", C1, Weights)), Is.False);
        Assert.That(File.Exists(Path.Combine(RepoFolder(Org), "refs", "main")), Is.False, "the ref waits for a complete snapshot");

        Hub.ClearLog();
        Hub.DropAfterBytes = null;
        var snapshot = await Get(Org, settings: noRetry);

        Assert.That(Hub.Requests.Where(r => r.ToCdn).Select(r => r.Header("Range")), Is.EqualTo(new[] { "bytes=100000-" }));
        Assert.That(File.ReadAllBytes(Path.Combine(snapshot.Folder, Weights)), Is.EqualTo(Served(repo, C1, Weights).Bytes));
        Assert.That(File.Exists(partial), Is.False);
    }

    [Test]
    public async Task Bytes_that_do_not_match_the_announced_sha256_are_refused_and_nothing_is_left()
    {
        Hub.Add(TinyModels.Bert(Org, C1));
        Hub.CorruptCdn = true;

        var error = await Fails(Org);

        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.HashMismatch));
        Assert.That(error.Message, Does.StartWith($"{Weights} of {Org}: the downloaded bytes have sha256 ").And.Contain("discarded"));
        Assert.That(Directory.GetFiles(Blobs(Org)).Where(f => f.Contains(".incomplete") || new FileInfo(f).Length == 300_000), Is.Empty,
            "neither the bad blob nor a partial file");
        Assert.That(File.Exists(Path.Combine(RepoFolder(Org), "snapshots", C1, Weights)), Is.False);
        Assert.That(Directory.Exists(Path.Combine(RepoFolder(Org), "refs")), Is.False);
    }

    [Test]
    public async Task A_gated_model_without_a_token_says_to_pass_one()
    {
        Hub.Add(TinyModels.Bert("org/gated", C1, token: "hf_secret"));

        var error = await Fails("org/gated");

        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.Gated));
        Assert.That(error.Message, Is.EqualTo(
            $"org/gated is a gated model (401): accept its conditions at {Hub.Endpoint}/org/gated and pass a token of that account (--token or HF_TOKEN)"));
        Assert.That(Directory.Exists(RepoFolder("org/gated")), Is.False);
    }

    [Test]
    public async Task An_unknown_repo_is_401_without_a_token_and_404_with_one()
    {
        var anonymous = await Fails("org/missing");
        Assert.That(anonymous.Kind, Is.EqualTo(HubErrorKind.Unauthorized));
        Assert.That(anonymous.Message, Is.EqualTo(
            "401 Unauthorized for org/missing: the repository does not exist, or it is private or gated and needs a token (--token or HF_TOKEN)"));

        var withToken = await Fails("org/missing", settings: Settings(token: "hf_any"));
        Assert.That(withToken.Kind, Is.EqualTo(HubErrorKind.RepoNotFound));
        Assert.That(withToken.Message, Is.EqualTo($"repository org/missing not found on {Hub.Endpoint} (404)"));
    }

    [Test]
    public async Task An_unknown_revision_and_a_missing_file_are_named()
    {
        Hub.Add(TinyModels.Bert(Org, C1));
        var revision = await Fails(Org, "no-such-branch");
        Assert.That(revision.Kind, Is.EqualTo(HubErrorKind.RevisionNotFound));
        Assert.That(revision.Message, Is.EqualTo($"revision 'no-such-branch' not found in {Org} (404)"));

        var noConfig = TinyModels.Bert("org/noconfig", C1);
        noConfig.Commits[C1].Remove("config.json");
        Hub.Add(noConfig);
        Hub.ApiEnabled = false; // the file's own 404 (EntryNotFound), not the listing
        var file = await Fails("org/noconfig");
        Assert.That(file.Kind, Is.EqualTo(HubErrorKind.EntryNotFound));
        Assert.That(file.Message, Is.EqualTo("config.json not found in org/noconfig at revision 'main' (404)"));
    }

    [Test]
    public async Task A_repo_with_only_weights_the_toolkit_cannot_read_is_refused_before_downloading()
    {
        var repo = TinyModels.Bert(Org, C1);
        repo.Commits[C1].Remove(Weights);
        Hub.Add(repo);

        var error = await Fails(Org);

        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.NoWeights));
        Assert.That(error.Message, Does.Contain("has only tf_model.h5"));
        Assert.That(FileRequests(), Is.Empty);
    }

    [Test]
    public async Task Offline_a_cached_revision_is_resolved_through_refs_without_any_request()
    {
        Hub.Add(TinyModels.Bert(Org, C1));
        await Get(Org);
        Hub.ClearLog();

        var snapshot = await Get(Org, settings: Settings() with { Offline = true });

        Assert.That(Hub.Requests, Is.Empty);
        Assert.That(snapshot.FromCacheOnly);
        Assert.That(snapshot.Commit, Is.EqualTo(C1));
        Assert.That(snapshot.Files.Select(f => f.Name), Is.EqualTo(new[] { "config.json", "vocab.txt", "tokenizer_config.json", Weights }));
    }

    [Test]
    public async Task Offline_without_a_cache_says_so()
    {
        Hub.Add(TinyModels.Bert(Org, C1));

        var error = await Fails(Org, settings: Settings() with { Offline = true });

        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.NotInCache));
        Assert.That(error.Message, Is.EqualTo(
            $"{Org} at revision 'main': it is not in the cache {Cache.Path}, and offline mode is on (--offline or HF_HUB_OFFLINE=1): run once online first"));
        Assert.That(Hub.Requests, Is.Empty);
    }

    [Test]
    public async Task Offline_an_unfinished_snapshot_is_not_passed_off_as_complete()
    {
        Hub.Add(TinyModels.Bert(Org, C1));
        Hub.DropAfterBytes = 100_000;
        await Fails(Org, settings: Settings() with { ResumeAttempts = 0 });

        var error = await Fails(Org, C1, Settings() with { Offline = true });

        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.NotInCache));
        Assert.That(error.Message, Does.Contain($"its cached snapshot (commit {C1}) is incomplete"));
    }

    [Test]
    public async Task An_unreachable_hub_falls_back_to_the_cache_and_otherwise_says_it_cannot_connect()
    {
        Hub.Add(TinyModels.Bert(Org, C1));
        await Get(Org);
        var closed = ClosedEndpoint();

        var cached = await Get(Org, settings: Settings() with { Endpoint = closed });
        Assert.That(cached.FromCacheOnly);
        Assert.That(Log, Has.Some.StartsWith($"cannot reach {closed}: ").And.Some.Contains("using the cached snapshot"));

        var error = await Fails("org/other", settings: Settings() with { Endpoint = closed });
        Assert.That(error.Kind, Is.EqualTo(HubErrorKind.Network));
        Assert.That(error.Message, Does.StartWith($"cannot reach {closed}: ").And.EndWith($"and org/other at revision 'main' is not in the cache {Cache.Path}"));
    }

    [Test]
    public async Task A_snapshot_link_whose_blob_was_deleted_counts_as_missing()
    {
        var repo = TinyModels.Bert(Org, C1);
        Hub.Add(repo);
        await Get(Org);
        File.Delete(Path.Combine(Blobs(Org), Served(repo, C1, Weights).Sha256));

        var offline = await Fails(Org, settings: Settings() with { Offline = true });
        Assert.That(offline.Message, Does.Contain("is incomplete"));

        Hub.ClearLog();
        var snapshot = await Get(Org);
        Assert.That(snapshot.Files.Where(f => f.Downloaded).Select(f => f.Name), Is.EqualTo(new[] { Weights }));
        Assert.That(File.ReadAllBytes(Path.Combine(snapshot.Folder, Weights)), Is.EqualTo(Served(repo, C1, Weights).Bytes));
    }

    static string ClosedEndpoint()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}";
    }
}
