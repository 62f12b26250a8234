using System.Diagnostics;

namespace CharBert.Text.IO;

/// <summary>The output rule for a verb that writes a set of files into a folder: the whole output is written into a
/// staging folder beside the target (<c>.NAME.staging-PID-RANDOM</c>) and moved into place only when complete, so
/// an interrupted run leaves the target as it was (or, if it was being replaced, without any run marker). A target
/// that does not exist yet appears in one rename. Into an existing folder, the files move one by one with the run
/// markers (manifests) last and the replaced run's markers removed first: a marker is only ever beside the files it
/// describes. A folder that holds another run is refused unless overwriting was asked for. Staging folders left by
/// killed runs are removed (and reported) when their process is gone.</summary>
public sealed class StagedFolder : IDisposable
{
    readonly string target;
    readonly Func<string, bool> isRunMarker;
    readonly Func<string, IEnumerable<string>> replaceablePrefixes;
    bool committed;

    /// <summary>The folder to write the outputs into.</summary>
    public string Path { get; }

    StagedFolder(string target, string staging, Func<string, bool> isRunMarker, Func<string, IEnumerable<string>> replaceablePrefixes)
    {
        this.target = target;
        Path = staging;
        this.isRunMarker = isRunMarker;
        this.replaceablePrefixes = replaceablePrefixes;
    }

    /// <summary>Checks <paramref name="target"/> and creates the staging folder.</summary>
    /// <param name="isRunMarker">True for the file name of a file that marks a complete run (a manifest).</param>
    /// <param name="replaceablePrefixes">Given a marker name, the file-name prefixes of the run it marks, removed when
    /// overwriting (so a replaced run leaves no stale sets behind).</param>
    /// <param name="notice">Told about stale staging folders and temporary files that were removed.</param>
    /// <exception cref="OutputFolderException">The target is a file, holds another run (without
    /// <paramref name="overwrite"/>), is being written by a live process, or cannot be written.</exception>
    public static StagedFolder Begin(string target, bool overwrite, Func<string, bool> isRunMarker,
        Func<string, IEnumerable<string>> replaceablePrefixes, Action<string>? notice = null)
    {
        OutputFolder.RequireWritable(target);
        var full = System.IO.Path.GetFullPath(target).TrimEnd(System.IO.Path.DirectorySeparatorChar);
        var parent = System.IO.Path.GetDirectoryName(full) ?? throw new OutputFolderException($"{full} cannot be an output folder");
        var name = System.IO.Path.GetFileName(full);
        RemoveStaleStaging(parent, name, full, notice);
        if (Directory.Exists(full))
        {
            var markers = Directory.EnumerateFiles(full).Select(System.IO.Path.GetFileName).Where(f => isRunMarker(f!)).Order(StringComparer.Ordinal).ToArray();
            if (markers.Length > 0 && !overwrite)
                throw new OutputFolderException($"{full} already holds a run ({markers[0]}); pass --overwrite to replace it, or choose another --out folder");
            RemoveStaleTempFiles(full, notice);
        }
        var staging = System.IO.Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        try
        {
            Directory.CreateDirectory(parent);
            Directory.CreateDirectory(staging);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputFolderException($"cannot write into {parent}: {e.Message}", e);
        }
        return new StagedFolder(full, staging, isRunMarker, replaceablePrefixes);
    }

    /// <summary>Moves the staged files into the target folder (run markers last) and removes the staging folder.</summary>
    public void Commit()
    {
        try
        {
            if (!Directory.Exists(target))
            {
                try
                {
                    Directory.Move(Path, target);
                    committed = true;
                    return;
                }
                catch (IOException) when (Directory.Exists(target)) { } // created meanwhile: merge below
            }
            var existing = Directory.EnumerateFiles(target).Select(f => System.IO.Path.GetFileName(f)!).ToArray();
            var oldMarkers = existing.Where(isRunMarker).ToArray();
            foreach (var marker in oldMarkers) File.Delete(System.IO.Path.Combine(target, marker));
            var prefixes = oldMarkers.SelectMany(replaceablePrefixes).ToArray();
            foreach (var file in existing.Where(f => !oldMarkers.Contains(f) && prefixes.Any(p => f.StartsWith(p, StringComparison.Ordinal))))
                File.Delete(System.IO.Path.Combine(target, file));
            var staged = Directory.EnumerateFiles(Path).Select(f => System.IO.Path.GetFileName(f)!)
                .OrderBy(f => isRunMarker(f)).ThenBy(f => f, StringComparer.Ordinal);
            foreach (var file in staged) File.Move(System.IO.Path.Combine(Path, file), System.IO.Path.Combine(target, file), overwrite: true);
            Directory.Delete(Path, recursive: true);
            committed = true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new OutputFolderException($"cannot move the finished output into {target}: {e.Message}", e);
        }
    }

    /// <summary>Removes the staging folder unless the run was committed.</summary>
    public void Dispose()
    {
        if (committed || !Directory.Exists(Path)) return;
        try { Directory.Delete(Path, recursive: true); }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException) { }
    }

    static void RemoveStaleStaging(string parent, string name, string target, Action<string>? notice)
    {
        if (!Directory.Exists(parent)) return;
        var prefix = $".{name}.staging-";
        foreach (var folder in Directory.EnumerateDirectories(parent, prefix + "*"))
        {
            var rest = System.IO.Path.GetFileName(folder)[prefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], out var pid)) continue;
            if (pid != Environment.ProcessId && IsRunning(pid))
                throw new OutputFolderException($"another process (pid {pid}) is writing {target} (staging folder {folder}); wait for it to finish, or remove that folder if it is gone");
            if (pid == Environment.ProcessId) continue;
            Directory.Delete(folder, recursive: true);
            notice?.Invoke($"removed {folder}, left by an interrupted run (pid {pid})");
        }
    }

    /// <summary>Temporary files of <see cref="AtomicFile"/> (".NAME.GUID.tmp") left in the folder by a killed run.</summary>
    static void RemoveStaleTempFiles(string folder, Action<string>? notice)
    {
        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp"))
        {
            var stem = System.IO.Path.GetFileNameWithoutExtension(file);
            if (stem.Length < 34 || stem[^33] != '.' || !Guid.TryParseExact(stem[^32..], "N", out _)) continue;
            if (DateTime.UtcNow - File.GetLastWriteTimeUtc(file) < TimeSpan.FromMinutes(10)) continue; // may be a live writer's
            File.Delete(file);
            notice?.Invoke($"removed {file}, a temporary file left by an interrupted run");
        }
    }

    static bool IsRunning(int pid)
    {
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
}
