using CharBert.Hub.Http;

namespace CharBert.Hub;

/// <summary>A file of a snapshot: its repo name, where it lies (a symlink into blobs/ or a copy), its size,
/// and whether this run downloaded it.</summary>
public sealed record HubSnapshotFile(string Name, string Path, long Bytes, bool Downloaded);

/// <summary>A model at one commit, complete in the cache. <see cref="Folder"/> is
/// <c>{cache}/models--org--name/snapshots/{commit}</c>; <see cref="FromCacheOnly"/> says the hub was not
/// consulted (offline, a cached commit hash) or could not be reached. <see cref="Endpoint"/> is where it came
/// from; <see cref="License"/> is the model card's licence (null when unknown, e.g. offline).</summary>
public sealed record HubSnapshot(RepoId Repo, string Revision, string Commit, string Folder, IReadOnlyList<HubSnapshotFile> Files, bool FromCacheOnly)
{
    public string? Endpoint { get; init; }
    public string? License { get; init; }

    public HubSnapshotFile? Find(string name) => Files.FirstOrDefault(f => f.Name == name);
}

/// <summary>Fetches what the toolkit needs of a model repository (<see cref="ModelFiles"/>) into the hub cache,
/// the way huggingface_hub's snapshot_download does: the revision is resolved to a commit through the
/// model-info API (or, on mirrors without it, HEAD requests), each file is fetched at that commit unless
/// its snapshot entry or blob is already cached, and refs/{revision} is written once the snapshot is
/// complete. Offline, or when the hub cannot be reached, a complete cached snapshot is used.</summary>
public sealed class HubModelDownloader : IDisposable
{
    readonly HubSettings settings;
    readonly Action<string>? log;
    readonly HubHttp http;
    readonly HubApi api;
    readonly BlobDownloader downloader;

    public HubModelDownloader(HubSettings settings, Action<string>? log = null)
    {
        this.settings = settings with { Endpoint = HubSettings.NormalizeEndpoint(settings.Endpoint, "the hub endpoint") };
        this.log = log;
        http = new HubHttp(this.settings);
        api = new HubApi(http, this.settings);
        downloader = new BlobDownloader(http, this.settings, log);
    }

    public async Task<HubSnapshot> GetAsync(string repoId, string revision = "main", IProgress<HubFileProgress>? progress = null,
        CancellationToken cancel = default)
    {
        var repo = RepoId.Parse(repoId);
        ValidateRevision(revision);
        var cache = new HubCache(settings.CacheDirectory, repo);
        if (settings.Offline) return FromCache(cache, revision, progress) ?? throw NotCachedOffline(cache, revision);
        if (ContentHash.IsCommitHash(revision) && FromCache(cache, revision, progress) is { } pinned) return pinned;

        var context = new HubRequestContext(settings.Endpoint, repo, revision);
        Plan plan;
        try
        {
            plan = await PlanAsync(context, cancel);
        }
        catch (HubException e) when (e.IsUnreachable)
        {
            var cached = FromCache(cache, revision, progress);
            if (cached == null)
                throw new HubException(e.Kind, $"{e.Message}; and {repo} at revision '{revision}' is not in the cache {cache.Root}", e);
            log?.Invoke($"{e.Message}; using the cached snapshot {cached.Commit}");
            return cached;
        }
        var files = new List<HubSnapshotFile>();
        foreach (var name in plan.Files)
            files.Add(await EnsureFileAsync(cache, context, plan, name, progress, cancel));
        if (ModelFiles.IsShardIndex(plan.Files[^1]))
            foreach (var shard in ModelFiles.ShardsOf(files[^1].Path, $"{plan.Files[^1]} of {repo}"))
            {
                if (plan.Listed != null && !plan.Listed.Contains(shard))
                    throw new HubException(HubErrorKind.EntryNotFound, $"{plan.Files[^1]} of {repo} names the shard {shard}, which the repository does not have at commit {plan.Commit}");
                files.Add(await EnsureFileAsync(cache, context, plan, shard, progress, cancel));
            }
        cache.WriteRef(revision, plan.Commit);
        return new HubSnapshot(repo, revision, plan.Commit, cache.SnapshotFolder(plan.Commit), files, FromCacheOnly: false)
        {
            Endpoint = settings.Endpoint,
            License = plan.License,
        };
    }

    /// <summary>The commit, the files to fetch, the repository's listing (null when probed) and the metadata
    /// probing already fetched.</summary>
    sealed record Plan(string Commit, IReadOnlyList<string> Files, IReadOnlySet<string>? Listed, IReadOnlyDictionary<string, RemoteFile> Known, string? License = null);

    async Task<Plan> PlanAsync(HubRequestContext context, CancellationToken cancel)
    {
        var where = $"{context.Repo} at revision '{context.Revision}'";
        var listing = await api.ListAsync(context, cancel);
        if (listing != null)
            return new Plan(listing.Commit, ModelFiles.Choose(listing.Files, where), listing.Files, new Dictionary<string, RemoteFile>(), listing.License);

        log?.Invoke($"{settings.Endpoint} has no model-info API; looking for the files one by one");
        var config = await api.HeadAsync(context.ForFile(ModelFiles.Config, context.Revision), missingIsNull: false, cancel);
        var known = new Dictionary<string, RemoteFile> { [ModelFiles.Config] = config! };
        foreach (var name in ModelFiles.VocabularyFiles.Concat(ModelFiles.WeightFiles))
        {
            if (ModelFiles.WeightFiles.Contains(name) && known.Keys.Any(ModelFiles.WeightFiles.Contains)) break;
            if (await api.HeadAsync(context.ForFile(name, config!.Commit), missingIsNull: true, cancel) is { } found) known[name] = found;
        }
        return new Plan(config!.Commit, ModelFiles.Choose(known.Keys.ToHashSet(), where), null, known);
    }

    async Task<HubSnapshotFile> EnsureFileAsync(HubCache cache, HubRequestContext context, Plan plan, string name,
        IProgress<HubFileProgress>? progress, CancellationToken cancel)
    {
        var pointer = cache.PointerPath(plan.Commit, name);
        if (HubCache.HasContent(pointer)) return Cached(name, pointer, progress);

        var remote = plan.Known.GetValueOrDefault(name)
            ?? (await api.HeadAsync(context.ForFile(name, plan.Commit), missingIsNull: false, cancel))!;
        var blob = cache.BlobPath(remote.Etag);
        if (File.Exists(blob) && new FileInfo(blob).Length != remote.Size) File.Delete(blob); // damaged: fetch again
        var newBlob = !File.Exists(blob);
        if (newBlob) await downloader.DownloadAsync(remote, context, cache.IncompletePath(remote.Etag), blob, progress, cancel);
        HubCache.PlacePointer(blob, pointer, newBlob, settings.DisableSymlinks);
        progress?.Report(new HubFileProgress(name, newBlob ? HubFileStatus.Downloaded : HubFileStatus.Cached, remote.Size, remote.Size, 0));
        return new HubSnapshotFile(name, pointer, remote.Size, newBlob);
    }

    static HubSnapshotFile Cached(string name, string path, IProgress<HubFileProgress>? progress)
    {
        var bytes = ContentLength(path);
        progress?.Report(new HubFileProgress(name, HubFileStatus.Cached, bytes, bytes, 0));
        return new HubSnapshotFile(name, path, bytes, false);
    }

    /// <summary>The size of the content a snapshot entry shows (a symlink's own length is that of its target path).</summary>
    static long ContentLength(string path)
    {
        var info = new FileInfo(path);
        return info.LinkTarget == null ? info.Length : ((FileInfo)info.ResolveLinkTarget(returnFinalTarget: true)!).Length;
    }

    /// <summary>A complete cached snapshot for the revision (a commit hash, or a branch/tag through refs/), or null.</summary>
    HubSnapshot? FromCache(HubCache cache, string revision, IProgress<HubFileProgress>? progress)
    {
        var commit = cache.ResolveRevision(revision);
        if (commit == null) return null;
        var folder = cache.SnapshotFolder(commit);
        var names = ModelFiles.CompleteIn(folder);
        if (names == null) return null;
        var files = names.Select(n => Cached(n, cache.PointerPath(commit, n), progress)).ToList();
        return new HubSnapshot(cache.Repo, revision, commit, folder, files, FromCacheOnly: true) { Endpoint = settings.Endpoint };
    }

    static HubException NotCachedOffline(HubCache cache, string revision)
    {
        var commit = cache.ResolveRevision(revision);
        var state = commit != null && Directory.Exists(cache.SnapshotFolder(commit))
            ? $"its cached snapshot (commit {commit}) is incomplete"
            : $"it is not in the cache {cache.Root}";
        return new HubException(HubErrorKind.NotInCache,
            $"{cache.Repo} at revision '{revision}': {state}, and offline mode is on (--offline or HF_HUB_OFFLINE=1): run once online first");
    }

    static void ValidateRevision(string revision)
    {
        try { RepoPath.Segments(revision); }
        catch (HubException)
        {
            throw new HubException(HubErrorKind.InvalidArgument, $"'{revision}' is not a revision (a branch, tag or commit hash)");
        }
    }

    public void Dispose() => http.Dispose();
}
