using System.Diagnostics;
using System.Globalization;

namespace CharBert.Hub;

/// <summary>One file's throughput in this session (bytes since it started, or resumed: a partial file from an
/// earlier run does not count as speed) and the time left, from its progress reports.</summary>
public sealed class TransferRate
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

    /// <summary>"12.3 MB/s, ETA 0:00:42" while downloading, "12.3 MB/s, 3.1 s" once done.</summary>
    public string Describe()
    {
        lock (clock)
        {
            var seconds = clock.Elapsed.TotalSeconds;
            var rate = seconds > 0 ? (done - startBytes) / seconds : 0;
            var speed = $"{FormatBytes(rate)}/s";
            if (done >= total) return $"{speed}, {seconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
            return rate > 0 ? $"{speed}, ETA {TimeSpan.FromSeconds(Math.Ceiling((total - done) / rate)).ToString("g", CultureInfo.InvariantCulture)}" : speed;
        }
    }

    /// <summary>Decimal units, as huggingface_hub's progress bars show them: "21 B", "3.0 MB".</summary>
    public static string FormatBytes(double bytes)
    {
        string[] units = ["B", "kB", "MB", "GB", "TB"];
        var unit = 0;
        while (bytes >= 1000 && unit < units.Length - 1) { bytes /= 1000; unit++; }
        return unit == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes:0} B")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes:0.0} {units[unit]}");
    }
}
