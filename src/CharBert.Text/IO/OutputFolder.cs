using System.Diagnostics;

namespace CharBert.Text.IO;

/// <summary>The rule for the folders commands write. Every writing command first calls <see cref="RequireWritable"/>
/// (nothing written yet). A folder written in one go (evaluate, sensitivity, train-wordrec) goes through
/// <see cref="WriteStaged"/>: it is filled as a hidden sibling and renamed into place when complete, so it is complete
/// or absent. A folder that holds an earlier output of the same command (its marker file) is replaced only when asked
/// (--overwrite); any other non-empty folder is never touched. Training runs add checkpoints on top of this
/// (CharBert.Training.Runs.RunFolder).</summary>
public static class OutputFolder
{
    const string StagingInfix = ".partial-";
    const string ReplacedInfix = ".replaced-";

    /// <summary>Fails with one line naming <paramref name="path"/> and the problem when the folder cannot be created or
    /// written: a file at the path or above it, no permission, a read-only or virtual file system. Writes nothing that
    /// stays (a probe folder is created and removed).</summary>
    public static void RequireWritable(string path)
    {
        var full = Path.GetFullPath(path);
        if (File.Exists(full)) throw new OutputFolderException($"{path}: a file is in the way (expected a folder)");
        var existing = full;
        while (!Directory.Exists(existing))
        {
            var parent = Path.GetDirectoryName(existing);
            if (parent is null) break;
            if (File.Exists(parent)) throw new OutputFolderException($"{path}: {parent} is a file, not a folder");
            existing = parent;
        }
        Probe(path, existing);
        // a staged folder and a replaced one are renamed within the parent
        if (existing == full && Path.GetDirectoryName(full) is { } fullParent) Probe(path, fullParent);
    }

    /// <summary>Checks before any work that <paramref name="path"/> can take a new output of a command whose folders
    /// hold <paramref name="marker"/>: absent, empty, or (with <paramref name="overwrite"/>) an earlier such output.</summary>
    /// <param name="what">What the command writes, for messages: "evaluate results", "a word recogniser".</param>
    public static void RequireFree(string path, string marker, bool overwrite, string what)
    {
        RequireWritable(path);
        if (!Directory.Exists(path) || !Directory.EnumerateFileSystemEntries(path).Any()) return;
        if (!HoldsMarker(path, marker))
            throw new OutputFolderException($"{path} is not empty and holds no earlier {what} ({marker}); choose a new or empty folder");
        if (!overwrite)
            throw new OutputFolderException($"{path} already holds {what} ({marker}); use --overwrite to replace it, or choose another --out");
    }

    /// <summary>Writes a whole folder: <paramref name="fill"/> fills a hidden sibling, which then replaces
    /// <paramref name="path"/> (see <see cref="RequireFree"/>). On failure nothing changes at <paramref name="path"/>.</summary>
    public static void WriteStaged(string path, string marker, bool overwrite, string what, Action<string> fill)
    {
        RequireFree(path, marker, overwrite, what);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        var parent = Path.GetDirectoryName(full)!;
        var name = Path.GetFileName(full);
        Directory.CreateDirectory(parent);
        RemoveAbandoned(parent, name);
        var staging = Path.Combine(parent, $".{name}{StagingInfix}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            fill(staging);
            RequireFree(path, marker, overwrite, what); // again: the folder may have changed meanwhile
            Replace(full, staging);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    /// <summary>Moves <paramref name="replacement"/> to <paramref name="full"/>; an existing folder there is moved aside
    /// first and deleted once the replacement is in place (put back if the move fails).</summary>
    static void Replace(string full, string replacement)
    {
        if (!Directory.Exists(full))
        {
            Directory.Move(replacement, full);
            return;
        }
        var aside = AsideName(full);
        Directory.Move(full, aside);
        try
        {
            Directory.Move(replacement, full);
        }
        catch
        {
            Directory.Move(aside, full);
            throw;
        }
        Directory.Delete(aside, recursive: true);
    }

    /// <summary>A hidden sibling name for a folder being replaced; <see cref="RemoveAbandoned"/> removes it once the
    /// process that made it is gone.</summary>
    public static string AsideName(string full) =>
        Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}{ReplacedInfix}{Environment.ProcessId}-{Guid.NewGuid():N}");

    /// <summary>Deletes the hidden staging and replaced siblings of <paramref name="name"/> left by processes that no
    /// longer run (killed with SIGKILL, power loss). Siblings of live processes are left alone.</summary>
    public static void RemoveAbandoned(string parent, string name)
    {
        if (!Directory.Exists(parent)) return;
        foreach (var infix in new[] { StagingInfix, ReplacedInfix })
            foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}{infix}*"))
            {
                var rest = Path.GetFileName(leftover)[($".{name}{infix}".Length)..];
                var dash = rest.IndexOf('-');
                if (dash > 0 && int.TryParse(rest[..dash], out var pid) && !IsRunning(pid))
                    Directory.Delete(leftover, recursive: true);
            }
    }

    static bool IsRunning(int pid)
    {
        if (pid == Environment.ProcessId) return true;
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static bool HoldsMarker(string folder, string marker) =>
        File.Exists(Path.Combine(folder, marker)) || Directory.Exists(Path.Combine(folder, marker));

    static void Probe(string path, string directory)
    {
        var probe = Path.Combine(directory, $".charbert-write-check-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OutputFolderException($"{path}: cannot write in {directory} ({Reason(e)})", e);
        }
    }

    static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "permission denied",
        FileNotFoundException or DirectoryNotFoundException => "folders cannot be created there",
        _ when e.Message.Contains("read-only", StringComparison.OrdinalIgnoreCase) => "read-only file system",
        _ when e.Message.Contains("No space", StringComparison.OrdinalIgnoreCase) => "no space left on the device",
        _ => e.Message,
    };
}
