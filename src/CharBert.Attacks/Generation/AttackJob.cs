using CharBert.Attacks.Formats;
using CharBert.Attacks.Output;
using CharBert.Text.IO.Chunks;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Generation;

/// <summary>One requested attack set: a name ("mixed" or a type name) and the recipe that makes it.</summary>
public sealed record AttackSetRequest(string Name, Recipes.AttackRecipe Recipe);

/// <summary>How far a run is, reported after each chunk is written: input bytes read (of the file's size), records
/// and words attacked, wall time since the start.</summary>
public sealed record AttackProgress(long BytesRead, long TotalBytes, long Records, long Words, TimeSpan Elapsed);

/// <summary>Everything <see cref="AttackRunner.Run"/> needs: the input and how to read it, the sets to make, where to
/// put them, and how (threads, edit log, overwriting). <see cref="Task"/> and <see cref="Options"/> are recorded in
/// the manifest as given.</summary>
public sealed record AttackJob
{
    public required IAttackFormat Format { get; init; }
    public required string InputPath { get; init; }
    public required TaskId Task { get; init; }
    public required IReadOnlyList<AttackSetRequest> Sets { get; init; }
    public required ulong Seed { get; init; }
    public required string OutDir { get; init; }

    /// <summary>Worker threads; the output is byte-identical for any value.</summary>
    public int Threads { get; init; } = 1;

    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();
    public EditLogFormat EditLog { get; init; } = EditLogFormat.Csv;

    /// <summary>Replace a run already in <see cref="OutDir"/> (otherwise that is an error).</summary>
    public bool Overwrite { get; init; }

    /// <summary>Target size of the chunks the input is cut into (memory in use is a few chunks per thread).</summary>
    public int ChunkBytes { get; init; } = LineChunkReader.DefaultChunkBytes;

    public IProgress<AttackProgress>? Progress { get; init; }

    /// <summary>Told about housekeeping a user should know of (stale staging folders removed).</summary>
    public Action<string>? Notice { get; init; }
}
