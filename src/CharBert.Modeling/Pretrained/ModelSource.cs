using System.Text.RegularExpressions;
using CharBert.Hub;
using CharBert.Text.Corpora;

namespace CharBert.Modeling.Pretrained;

/// <summary>Turns what a user wrote where a model directory is expected (--model, --init-from, an experiment spec's
/// "pretrained") into a directory: an existing directory as it is; a built-in model's name (<see cref="BuiltInModels"/>),
/// imported once into the toolkit cache; a Hugging Face hub id (org/name, or org/name@revision), fetched into the hub
/// cache like `charbert models get` and prepared once per commit (<see cref="HubModelDirectory"/>).</summary>
public static partial class ModelSource
{
    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9_.-]*/[A-Za-z0-9_.-]+(@[^\s@]+)?$")]
    private static partial Regex HubIdPattern();

    /// <summary><c>$CHARBERT_CACHE/models</c> (else <c>~/.cache/charbert/models</c>; see <see cref="CorpusCache.DefaultRoot"/>).</summary>
    public static string CacheDirectory() => Path.Combine(CorpusCache.DefaultRoot(), "models");

    /// <summary>The model directory <paramref name="source"/> names. A relative directory is looked up under
    /// <paramref name="relativeTo"/> when given (a spec's data root), else the working directory. <paramref name="log"/>
    /// hears about a first-time import (it takes a while).</summary>
    public static string Resolve(string source, string? relativeTo = null, Action<string>? log = null)
    {
        var path = relativeTo is null ? source : Path.Combine(relativeTo, source);
        if (Directory.Exists(path)) return Path.GetFullPath(path);
        if (BuiltInModels.Find(source) is { } builtIn) return builtIn.EnsureImported(CacheDirectory(), log);
        if (HubIdPattern().IsMatch(source)) return FromHub(source, log);
        throw new DirectoryNotFoundException($"no model directory or built-in model named {source} (built-in: {string.Join(", ", BuiltInModels.Names)})");
    }

    /// <summary>A Hugging Face hub id, with the hub settings of the environment (HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE,
    /// HF_HUB_OFFLINE...). Online, the revision is resolved on every use (one request); offline, through the cache.</summary>
    static string FromHub(string source, Action<string>? log)
    {
        var at = source.IndexOf('@');
        var (repoId, revision) = at < 0 ? (source, "main") : (source[..at], source[(at + 1)..]);
        using var downloader = new HubModelDownloader(HubSettings.FromEnvironment(), log);
        var progress = log is null ? null : new HubProgressLog(log);
        HubSnapshot snapshot;
        try { snapshot = downloader.GetAsync(repoId, revision, progress).GetAwaiter().GetResult(); }
        catch (HubException e) // a mistyped local path looks like a hub id too: say both
        {
            throw new HubException(e.Kind, $"no model directory or built-in model named {source}, and as a Hugging Face hub id: {e.Message}", e);
        }
        return HubModelDirectory.Ensure(snapshot, CacheDirectory(), log);
    }
}
