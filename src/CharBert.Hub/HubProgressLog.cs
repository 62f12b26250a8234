namespace CharBert.Hub;

/// <summary>Download progress as a few text lines, for callers with no progress bar (a hub id given as --model to
/// a training command): one when a file starts, one per 10 % with throughput and time left, one when done.</summary>
public sealed class HubProgressLog(Action<string> log) : IProgress<HubFileProgress>
{
    readonly Dictionary<string, (TransferRate Rate, int Tenths)> files = new();

    public void Report(HubFileProgress progress)
    {
        if (progress.Status == HubFileStatus.Cached) return;
        lock (files)
        {
            if (!files.TryGetValue(progress.File, out var state))
            {
                state = (new TransferRate(), 0);
                var resumed = progress.ResumedFrom > 0 ? $", resuming at {TransferRate.FormatBytes(progress.ResumedFrom)}" : "";
                log($"downloading {progress.File} ({TransferRate.FormatBytes(progress.TotalBytes)}{resumed})");
            }
            state.Rate.Observe(progress);
            var tenths = progress.TotalBytes > 0 ? (int)(10 * progress.BytesDone / progress.TotalBytes) : 10;
            if (progress.Status == HubFileStatus.Downloaded) log($"{progress.File}: done, {state.Rate.Describe()}");
            else if (tenths > state.Tenths && tenths < 10) log($"{progress.File}: {tenths * 10} % ({state.Rate.Describe()})");
            files[progress.File] = (state.Rate, Math.Max(state.Tenths, tenths));
        }
    }
}
