using System.Collections.Concurrent;
using CharBert.Hub;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CharBert.Cli.Commands;

/// <summary>One Spectre progress bar per downloaded file, fed by the hub client's progress reports (cached
/// files get none).</summary>
sealed class DownloadProgressView(ProgressContext context, TransferRates rates) : IProgress<HubFileProgress>
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
            rates.For(task).Observe(progress);
            task.Value = progress.BytesDone;
            if (progress.Status == HubFileStatus.Downloaded) task.StopTask();
        }
    }
}

/// <summary>The <see cref="TransferRate"/> of each progress task, shared by the view and the column.</summary>
sealed class TransferRates
{
    readonly ConcurrentDictionary<int, TransferRate> rates = new();
    public TransferRate For(ProgressTask task) => rates.GetOrAdd(task.Id, _ => new TransferRate());
    public TransferRate? Find(ProgressTask task) => rates.GetValueOrDefault(task.Id);
}

/// <summary>"12.3 MB/s, ETA 0:00:42" (then "12.3 MB/s, 3.1 s" once done).</summary>
sealed class DownloadRateColumn(TransferRates rates) : ProgressColumn
{
    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
        new Spectre.Console.Text(rates.Find(task)?.Describe() ?? "", new Style(Color.Grey));
}
