using NUnit.Framework;

namespace CharBert.Hub.Tests.Support;

/// <summary>Collects progress reports synchronously (Progress&lt;T&gt; would post them to the thread pool).</summary>
sealed class ProgressLog : IProgress<HubFileProgress>
{
    public List<HubFileProgress> Reports { get; } = [];
    public void Report(HubFileProgress value) { lock (Reports) Reports.Add(value); }
}

/// <summary>A fresh loopback hub and an empty cache folder per test.</summary>
abstract class HubTestBase
{
    protected const string Org = "org/tiny";
    protected static readonly string C1 = TinyModels.Commit("first");
    protected static readonly string C2 = TinyModels.Commit("second");

    protected LoopbackHub Hub = null!;
    protected TempFolder Cache = null!;
    protected List<string> Log = null!;

    [SetUp]
    public void StartHub()
    {
        Hub = new LoopbackHub();
        Cache = new TempFolder();
        Log = [];
    }

    [TearDown]
    public void StopHub()
    {
        Hub.Dispose();
        Cache.Dispose();
    }

    protected HubSettings Settings(string? token = null) => new()
    {
        Endpoint = Hub.Endpoint,
        CacheDirectory = Cache.Path,
        Token = token,
        ResumeDelay = TimeSpan.Zero,
        MetadataTimeout = TimeSpan.FromSeconds(20),
        DownloadTimeout = TimeSpan.FromSeconds(20),
    };

    protected async Task<HubSnapshot> Get(string repo, string revision = "main", HubSettings? settings = null, IProgress<HubFileProgress>? progress = null)
    {
        using var downloader = new HubModelDownloader(settings ?? Settings(), message => { lock (Log) Log.Add(message); });
        return await downloader.GetAsync(repo, revision, progress);
    }

    protected async Task<HubException> Fails(string repo, string revision = "main", HubSettings? settings = null)
    {
        try
        {
            await Get(repo, revision, settings);
        }
        catch (HubException e)
        {
            return e;
        }
        Assert.Fail($"{repo}@{revision} was expected to fail");
        throw new InvalidOperationException();
    }

    protected string RepoFolder(string repo) => Path.Combine(Cache.Path, "models--" + repo.Replace("/", "--"));
    protected string Blobs(string repo) => Path.Combine(RepoFolder(repo), "blobs");

    protected IEnumerable<SeenRequest> FileRequests() =>
        Hub.Requests.Where(r => r.ToCdn || r.Path.Contains("/resolve/", StringComparison.Ordinal));

    protected static ServedFile Served(ServedRepo repo, string commit, string file) => repo.Commits[commit][file];
}
