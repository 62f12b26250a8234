namespace CharBert.Hub;

public enum HubFileStatus
{
    /// <summary>Already in the snapshot (or its blob was in the cache): no download.</summary>
    Cached,
    /// <summary>Bytes arriving; <see cref="HubFileProgress.BytesDone"/> counts the partial file too.</summary>
    Downloading,
    /// <summary>Downloaded, checked and placed in the snapshot.</summary>
    Downloaded,
}

/// <summary>One file's progress, reported through <see cref="IProgress{T}"/> (the library draws nothing).
/// <see cref="ResumedFrom"/> is the size of the partial file a resumed download started from, so
/// throughput counts only this session's bytes.</summary>
public readonly record struct HubFileProgress(string File, HubFileStatus Status, long BytesDone, long TotalBytes, long ResumedFrom);
