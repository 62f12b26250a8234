using CharBert.Text.IO;

namespace CharBert.Hub;

/// <summary>Copies a snapshot's files (not links: the folder must outlive a cache clean-up) into a new folder,
/// atomically: the folder appears complete or not at all.</summary>
public static class SnapshotExport
{
    public static void CopyTo(HubSnapshot snapshot, string folder)
    {
        var full = Path.GetFullPath(folder);
        if (Directory.Exists(full))
        {
            if (Directory.EnumerateFileSystemEntries(full).Any())
                throw new HubException(HubErrorKind.InvalidArgument, $"{full} exists and is not empty: choose a new folder");
            Directory.Delete(full);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        AtomicFile.WriteDirectory(full, temp =>
        {
            foreach (var file in snapshot.Files)
            {
                var target = Path.Combine([temp, .. RepoPath.Segments(file.Name)]);
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file.Path, target);
            }
        });
    }
}
