using CharBert.Attacks.Generation;

namespace CharBert.Attacks.Formats;

/// <summary>A task file read for attacking: the records to attack, and a writer that puts attacked words back
/// into the file, changing nothing else (an unattacked run writes the input's exact bytes).</summary>
public interface IAttackDocument
{
    /// <summary>Input file name (no directory), used to name outputs.</summary>
    string FileName { get; }

    IReadOnlyList<AttackRecordInput> Records { get; }

    /// <summary>Writes the file with <paramref name="results"/> (index-aligned with <see cref="Records"/>) applied, atomically.</summary>
    void Write(string path, IReadOnlyList<AttackRecordResult> results);
}
