namespace CharBert.Training;

/// <summary>The training loss became NaN or infinite; the run stopped without writing a checkpoint, so the
/// last checkpoint on disk is the last good state.</summary>
public sealed class NonFiniteLossException(string message) : Exception(message);
