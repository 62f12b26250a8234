using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using CharBert.Hub;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CharBert.Cli.Commands;

/// <summary>One Spectre progress bar per downloaded file, fed by the hub client's progress reports (cached
/// files get none).</summary>
sealed class DownloadProgressView(ProgressContext context, TransferClocks clocks) : IProgress<HubFileProgress>
{
    readonly Dictionary<string, ProgressTask> tasks = new();

    public void Report(HubFileProgress progress)
    {
        if (progress.Status == HubFileStatus.Cached) return;
        lock (tasks)
        {
            if (!tasks.TryGetValue(progress.File, out var task))
            {
                task = context.AddTask(progress.File, maxValue: Math.Max(1, progress.TotalBytes));
                tasks[progress.File] = task;
            }
            clocks.For(task).Observe(progress);
            task.Value = progress.BytesDone;
            if (progress.Status == HubFileStatus.Downloaded) task.StopTask();
        }
    }
}

/// <summary>The <see cref="TransferClock"/> of each progress task, shared by the view and the column.</summary>
sealed class TransferClocks
{
    readonly ConcurrentDictionary<int, TransferClock> clocks = new();
    public TransferClock For(ProgressTask task) => clocks.GetOrAdd(task.Id, _ => new TransferClock());
    public TransferClock? Find(ProgressTask task) => clocks.GetValueOrDefault(task.Id);
}

/// <summary>This session's throughput of one file (bytes since it started, or resumed) and the time left.</summary>
sealed class TransferClock
{
    readonly Stopwatch clock = new();
    long startBytes = -1;
    long done, total;

    public void Observe(HubFileProgress progress)
    {
        lock (clock)
        {
            if (startBytes != progress.ResumedFrom) // first report, or the server restarted the file from byte 0
            {
                startBytes = progress.ResumedFrom;
                clock.Restart();
            }
            (done, total) = (progress.BytesDone, progress.TotalBytes);
            if (progress.Status == HubFileStatus.Downloaded) clock.Stop();
        }
    }

    public string Describe()
    {
        lock (clock)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? (done - startBytes) / seconds : 0;
            var speed = $"{ModelsGetCommand.Bytes(rate)}/s";
            if (done >= total) return $"{speed}, {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
            return rate > 0 ? $"{speed}, ETA {TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)):g}" : speed;
        }
    }
}

/// <summary>"12.3 MB/s, ETA 0:00:42" (then "12.3 MB/s, 3.1 s" once done).</summary>
sealed class DownloadRateColumn(TransferClocks clocks) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Spectre.Console.Text(clocks.Find(task)?.Describe() ?? "", new Style(Color.Grey));
}
