namespace CharBert.Training.Runs;

/// <summary>A checkpoint directory is partial or damaged (missing manifest, missing file, checksum mismatch).</summary>
public sealed class CorruptCheckpointException(string message) : Exception(message);
