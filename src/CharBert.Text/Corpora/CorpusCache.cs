namespace CharBert.Text.Corpora;

/// <summary>Where fetched corpora live: <c>$CHARBERT_CACHE</c>, else <c>$XDG_CACHE_HOME/charbert</c>, else
/// <c>~/.cache/charbert</c>. Layout: <c>downloads/&lt;package&gt;-&lt;version&gt;.tgz</c> (verified tarballs) and
/// <c>&lt;name&gt;-&lt;version&gt;/</c> (converted files + manifest.json, present only when complete).</summary>
public sealed record CorpusCache(string Root)
{
    public const string ManifestFileName = "manifest.json";

    public static string DefaultRoot()
    {
        var explicitRoot = Environment.GetEnvironmentVariable("CHARBERT_CACHE");
        if (!string.IsNullOrEmpty(explicitRoot)) return Path.GetFullPath(explicitRoot);
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var baseDir = !string.IsNullOrEmpty(xdg)
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
        return Path.GetFullPath(Path.Combine(baseDir, "charbert"));
    }

    public static CorpusCache Default() => new(DefaultRoot());

    public string DownloadsDirectory => Path.Combine(Root, "downloads");
    public string TarballPath(CorpusSpec spec) => Path.Combine(DownloadsDirectory, spec.TarballFileName);
    public string CorpusDirectory(CorpusSpec spec) => Path.Combine(Root, spec.FolderName);
    public bool IsComplete(CorpusSpec spec) => File.Exists(Path.Combine(CorpusDirectory(spec), ManifestFileName));
}
