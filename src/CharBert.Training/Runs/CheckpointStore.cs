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
    /// damaged file when it is partial or modified.</summary>
    public (string Directory, CheckpointState State)? LoadLatest()
    {
        var latest = CheckpointDirectories().FirstOrDefault();
        if (latest is null) return null;
        Verify(latest);
        return (latest, JsonFiles.Read<CheckpointState>(Path.Combine(latest, StateFile)));
    }

    public static void Verify(string checkpoint)
    {
        var manifestPath = Path.Combine(checkpoint, ManifestFile);
        if (!File.Exists(manifestPath))
            throw new CorruptCheckpointException($"checkpoint {checkpoint} is partial: {ManifestFile} is missing (delete the directory to resume from an earlier checkpoint)");
        Manifest manifest;
        try { manifest = JsonFiles.Read<Manifest>(manifestPath); }
        catch (InvalidDataException e) { throw new CorruptCheckpointException($"checkpoint {checkpoint} is corrupt: {e.Message}"); }
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
