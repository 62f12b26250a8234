using CharBert.Text.IO;

namespace CharBert.Hub;

/// <summary>One repository's folder in the hub cache, in huggingface_hub's layout so the two share it:
/// <code>
/// models--org--name/
///   blobs/{etag}                 file contents, named by the hub's ETag (sha256 or git blob id)
///   blobs/{etag}.incomplete      a download in progress (resumed by the next run)
///   snapshots/{commit}/{file}    relative symlink to ../../blobs/{etag} (a copy where links are impossible)
///   refs/{revision}              the commit a branch or tag pointed to when last resolved
/// </code></summary>
public sealed class HubCache(string root, RepoId repo)
{
    public const string IncompleteSuffix = ".incomplete";

    public string Root { get; } = Path.GetFullPath(root);
    public RepoId Repo { get; } = repo;
    public string RepoFolder => Path.Combine(Root, Repo.CacheFolderName);

    public string BlobPath(string etag) => Path.Combine(RepoFolder, "blobs", etag);
    public string IncompletePath(string etag) => BlobPath(etag) + IncompleteSuffix;
    public string SnapshotFolder(string commit) => Path.Combine(RepoFolder, "snapshots", commit);

    /// <summary>Where <paramref name="file"/> (a repo path with '/' separators) appears in a snapshot.</summary>
    public string PointerPath(string commit, string file) =>
        Path.Combine([SnapshotFolder(commit), .. RepoPath.Segments(file)]);

    public string RefPath(string revision) => Path.Combine([RepoFolder, "refs", .. RepoPath.Segments(revision)]);

    /// <summary>True when <paramref name="path"/> shows a file's content: a regular file, or a symlink whose
    /// target exists (File.Exists alone is also true for a link to a deleted blob).</summary>
    public static bool HasContent(string path)
    {
        if (!File.Exists(path)) return false;
        var info = new FileInfo(path);
        return info.LinkTarget == null || info.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true };
    }

    /// <summary>The commit a revision names in the cache: itself when it is a commit hash, else what
    /// refs/{revision} holds; null when the cache does not know it.</summary>
    public string? ResolveRevision(string revision)
    {
        if (ContentHash.IsCommitHash(revision)) return revision;
        var refPath = RefPath(revision);
        if (!File.Exists(refPath)) return null;
        var commit = File.ReadAllText(refPath).Trim();
        return commit.Length > 0 ? commit : null;
    }

    /// <summary>Records that <paramref name="revision"/> (a branch or tag) points to <paramref name="commit"/>;
    /// nothing for a commit hash. Written atomically and only when it changes (the cache may be read-only).</summary>
    public void WriteRef(string revision, string commit)
    {
        if (revision == commit) return;
        var refPath = RefPath(revision);
        if (File.Exists(refPath) && File.ReadAllText(refPath).Trim() == commit) return;
        AtomicFile.WriteAllText(refPath, commit);
    }

    /// <summary>Makes <paramref name="pointer"/> show the blob's content: a relative symlink (atomically
    /// replacing whatever was there), else a copy. A blob this run just downloaded is moved into the snapshot
    /// rather than copied when links are impossible, as huggingface_hub does.</summary>
    public static void PlacePointer(string blob, string pointer, bool newBlob, bool disableSymlinks)
    {
        var folder = Path.GetDirectoryName(pointer)!;
        Directory.CreateDirectory(folder);
        if (!disableSymlinks && TryLink(blob, pointer, folder)) return;
        if (newBlob) File.Move(blob, pointer, overwrite: true);
        else AtomicFile.WriteViaTempPath(pointer, temp => File.Copy(blob, temp));
    }

    static bool TryLink(string blob, string pointer, string folder)
    {
        var temp = Path.Combine(folder, $".{Path.GetFileName(pointer)}.{Guid.NewGuid():N}.link");
        try
        {
            File.CreateSymbolicLink(temp, Path.GetRelativePath(folder, blob));
            File.Move(temp, pointer, overwrite: true);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            File.Delete(temp);
            return false;
        }
    }
}
