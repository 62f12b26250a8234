using CharBert.Text.IO;

namespace CharBert.Training.Runs;

/// <summary>The output-folder rule for training runs (finetune, pretrain): a run directory is complete (metrics.json),
/// resumable (config.json: from its newest intact checkpoint, or from step 0 when it was stopped before the first), or
/// absent. A fresh start refuses a folder holding a run unless asked to replace it (--overwrite), and a start that fails
/// before its first checkpoint removes what it wrote (a replaced run is put back when the failure comes before training).</summary>
public sealed class RunFolder
{
    readonly string directory;
    readonly bool fresh;
    readonly bool created;
    string? replaced;

    RunFolder(string directory, bool fresh, bool created, string? replaced)
    {
        this.directory = directory;
        this.fresh = fresh;
        this.created = created;
        this.replaced = replaced;
    }

    public enum State { Absent, Empty, Complete, Unfinished, Foreign }

    public static State Inspect(string directory)
    {
        if (!Directory.Exists(directory)) return State.Absent;
        if (!Directory.EnumerateFileSystemEntries(directory).Any()) return State.Empty;
        if (File.Exists(Path.Combine(directory, RunFiles.Metrics))) return State.Complete;
        return File.Exists(Path.Combine(directory, RunFiles.Config)) ? State.Unfinished : State.Foreign;
    }

    /// <summary>Claims <paramref name="directory"/> for a fresh run (see <see cref="StartFresh(string, bool)"/>) and
    /// writes the run's settings as its config.json.</summary>
    public static RunFolder StartFresh<TSettings>(string directory, bool overwrite, TSettings settings)
    {
        var folder = StartFresh(directory, overwrite);
        folder.Guard(_ => { JsonFiles.Write(Path.Combine(directory, RunFiles.Config), settings); return 0; });
        return folder;
    }

    /// <summary>Claims <paramref name="directory"/> for a fresh run: checks it (one line naming the folder and the
    /// problem), moves a run being replaced aside, creates the folder. Writes nothing else.</summary>
    public static RunFolder StartFresh(string directory, bool overwrite)
    {
        OutputFolder.RequireWritable(directory);
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));
        OutputFolder.RemoveAbandoned(Path.GetDirectoryName(full)!, Path.GetFileName(full));
        var state = Inspect(directory);
        switch (state)
        {
            case State.Complete when !overwrite:
                throw new OutputFolderException($"{directory} already holds a finished run ({RunFiles.Metrics}); use --overwrite to replace it, or choose another --out");
            case State.Unfinished when !overwrite:
                throw new OutputFolderException($"{directory} holds an unfinished run ({DescribeProgress(directory)}); continue it with --resume {directory}, or use --overwrite to start again");
            case State.Foreign:
                throw new OutputFolderException($"{directory} is not empty and holds no run ({RunFiles.Config}); choose a new or empty folder");
        }
        string? replaced = null;
        if (state is State.Complete or State.Unfinished)
        {
            replaced = OutputFolder.AsideName(full);
            Directory.Move(full, replaced);
        }
        Directory.CreateDirectory(full);
        return new RunFolder(directory, fresh: true, created: state != State.Empty, replaced);
    }

    /// <summary>Opens an existing run for --resume (see <see cref="OpenForResume(string)"/>) and reads its settings.</summary>
    public static RunFolder OpenForResume<TSettings>(string directory, out TSettings settings)
    {
        var folder = OpenForResume(directory);
        settings = JsonFiles.Read<TSettings>(Path.Combine(directory, RunFiles.Config));
        return folder;
    }

    /// <summary>Opens an existing run for --resume and removes the temporary files a killed process left in it.</summary>
    public static RunFolder OpenForResume(string directory)
    {
        var configPath = Path.Combine(directory, RunFiles.Config);
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{configPath} not found: {directory} is not a run directory", configPath);
        foreach (var temp in Directory.EnumerateFiles(directory, ".*.tmp", SearchOption.AllDirectories)) File.Delete(temp);
        var checkpoints = Path.Combine(directory, RunFiles.Checkpoints);
        if (Directory.Exists(checkpoints))
            foreach (var temp in Directory.EnumerateDirectories(checkpoints, ".tmp-*")) Directory.Delete(temp, recursive: true);
        return new RunFolder(directory, fresh: false, created: false, replaced: null);
    }

    /// <summary>Runs <paramref name="train"/>; when it throws, applies <see cref="Failed"/> and rethrows.</summary>
    public T Guard<T>(Func<RunFolder, T> train)
    {
        try
        {
            return train(this);
        }
        catch
        {
            Failed();
            throw;
        }
    }

    /// <summary>Whether the run holds a checkpoint to continue from.</summary>
    public bool HasCheckpoint => new CheckpointStore(directory).CheckpointDirectories().Count > 0;

    /// <summary>Start-up succeeded (data read, model built): a run being replaced is deleted now.</summary>
    public void Started()
    {
        if (replaced is null) return;
        if (Directory.Exists(replaced)) Directory.Delete(replaced, recursive: true);
        replaced = null;
    }

    /// <summary>After an exception: a resumed run, a run with a checkpoint and a finished one stay (resumable or
    /// complete); otherwise the fresh start's folder is removed (emptied when it existed empty before) and a replaced run
    /// is put back.</summary>
    public void Failed()
    {
        if (!this.fresh) return;
        if (Inspect(directory) == State.Complete || HasCheckpoint)
        {
            Started();
            return;
        }
        if (created) Directory.Delete(directory, recursive: true);
        else
            foreach (var entry in Directory.EnumerateFileSystemEntries(directory))
                if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true); else File.Delete(entry);
        if (this.replaced is not null) Directory.Move(this.replaced, directory);
        this.replaced = null;
    }

    static string DescribeProgress(string directory)
    {
        var newest = new CheckpointStore(directory).CheckpointDirectories().FirstOrDefault();
        return newest is null ? "no checkpoint yet" : $"newest checkpoint {Path.GetFileName(newest)}";
    }
}
