using CharBert.Text.IO;
using System.Security.Cryptography;

namespace CharBert.Training.Runs;

/// <summary>Checkpoints under RUN_DIR/checkpoints/step-NNNNNNNN. Each is written into a temp directory and
/// renamed into place; its manifest.json (SHA-256 of every file) is written last, so a checkpoint without a
/// valid manifest is partial and is reported, never silently loaded.</summary>
public sealed class CheckpointStore(string runDirectory)
{
    public const string ModelFile = "model.bin";
    public const string OptimizerFile = "optimizer.bin";
    public const string StateFile = "trainer_state.json";
    public const string ManifestFile = "manifest.json";

    public string Root { get; } = Path.Combine(runDirectory, RunFiles.Checkpoints);

    sealed record Manifest(IReadOnlyDictionary<string, string> Sha256);

    /// <summary>Writes a checkpoint; <paramref name="writeTensors"/> fills model.bin and optimizer.bin in the given directory.</summary>
    public string Save(CheckpointState state, Action<string> writeTensors, int keep)
    {
        var final = Path.Combine(Root, $"step-{state.GlobalStep:D8}");
        Directory.CreateDirectory(Root);
        if (Directory.Exists(final)) Directory.Delete(final, recursive: true);
        AtomicFile.WriteDirectory(final, temp =>
        {
            writeTensors(temp);
            JsonFiles.Write(Path.Combine(temp, StateFile), state);
            var hashes = new[] { ModelFile, OptimizerFile, StateFile }.ToDictionary(f => f, f => HashOf(Path.Combine(temp, f)));
            JsonFiles.Write(Path.Combine(temp, ManifestFile), new Manifest(hashes));
        });
        foreach (var old in CheckpointDirectories().Skip(Math.Max(1, keep))) Directory.Delete(old, recursive: true);
        return final;
    }

    /// <summary>Checkpoint directories, newest first.</summary>
    public IReadOnlyList<string> CheckpointDirectories() =>
        Directory.Exists(Root)
            ? Directory.GetDirectories(Root, "step-*").OrderByDescending(d => d, StringComparer.Ordinal).ToArray()
            : [];

    /// <summary>The newest checkpoint, verified; throws <see cref="CorruptCheckpointException"/> naming the
    /// damaged file when it is partial or modified, and the newest older checkpoint that is intact, if any.</summary>
    public (string Directory, CheckpointState State)? LoadLatest()
    {
        var all = CheckpointDirectories();
        if (all.Count == 0) return null;
        try
        {
            Verify(all[0]);
        }
        catch (CorruptCheckpointException e)
        {
            var intact = all.Skip(1).FirstOrDefault(IsIntact);
            throw new CorruptCheckpointException(e.Message + (intact is null
                ? "; no earlier intact checkpoint"
                : $"; the previous checkpoint {Path.GetFileName(intact)} is intact: resume from it with --resume {Path.GetDirectoryName(Root)} --from-checkpoint {Path.GetFileName(intact)}"));
        }
        return (all[0], JsonFiles.Read<CheckpointState>(Path.Combine(all[0], StateFile)));
    }

    /// <summary>The checkpoint named <paramref name="name"/> (step-NNNNNNNN, or its step number), verified. Newer
    /// checkpoints are deleted: the run continues from this one and would otherwise mix with them.</summary>
    public (string Directory, CheckpointState State) LoadNamed(string name)
    {
        var all = CheckpointDirectories();
        var wanted = int.TryParse(name, out var step) ? $"step-{step:D8}" : Path.GetFileName(Path.TrimEndingDirectorySeparator(name));
        var index = all.Select(Path.GetFileName).ToList().IndexOf(wanted);
        if (index < 0)
            throw new CorruptCheckpointException($"no checkpoint {wanted} in {Root} (there: {(all.Count == 0 ? "none" : string.Join(", ", all.Select(Path.GetFileName)))})");
        var chosen = all[index];
        Verify(chosen);
        foreach (var newer in all.Take(index)) Directory.Delete(newer, recursive: true);
        return (chosen, JsonFiles.Read<CheckpointState>(Path.Combine(chosen, StateFile)));
    }

    static bool IsIntact(string checkpoint)
    {
        try
        {
            Verify(checkpoint);
            return true;
        }
        catch (CorruptCheckpointException)
        {
            return false;
        }
    }

    public static void Verify(string checkpoint)
    {
        var manifestPath = Path.Combine(checkpoint, ManifestFile);
        if (!File.Exists(manifestPath))
            throw new CorruptCheckpointException($"checkpoint {checkpoint} is partial: {ManifestFile} is missing");
        Manifest manifest;
        try { manifest = JsonFiles.Read<Manifest>(manifestPath); }
        catch (DataFormatException e) { throw new CorruptCheckpointException($"checkpoint {checkpoint} is corrupt: {e.Message}"); }
        foreach (var (file, expected) in manifest.Sha256)
        {
            var path = Path.Combine(checkpoint, file);
            if (!File.Exists(path))
                throw new CorruptCheckpointException($"checkpoint {checkpoint} is partial: {file} is missing");
            if (!string.Equals(HashOf(path), expected, StringComparison.OrdinalIgnoreCase))
                throw new CorruptCheckpointException($"checkpoint {checkpoint} is corrupt: SHA-256 of {file} does not match {ManifestFile}");
        }
    }

    static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexString(SHA256.HashData(stream));
    }
}
