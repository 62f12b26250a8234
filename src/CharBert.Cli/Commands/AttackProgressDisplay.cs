using System.Diagnostics;
using System.Globalization;
using CharBert.Attacks.Generation;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>Draws <see cref="AttackProgress"/> reports: a bar with throughput and ETA on a terminal; on redirected
/// output, a line on stderr every <see cref="LogInterval"/> (so a long run in a log shows it is alive).</summary>
static class AttackProgressDisplay
{
    static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(10);

    /// <summary>Runs <paramref name="run"/> with a progress sink for input <paramref name="name"/>.</summary>
    public static T Run<T>(string name, Func<IProgress<AttackProgress>, T> run)
    {
        if (Console.IsOutputRedirected) return run(new LogLines(name));
        T result = default!;
        AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var bar = context.AddTask($"attacking {name}", maxValue: 1);
                result = run(new Sink(report =>
                {
                    bar.MaxValue = Math.Max(1, report.TotalBytes);
                    bar.Value = report.BytesRead;
                    bar.Description = $"attacking {name}: {Describe(report)}";
                }));
            });
        return result;
    }

    /// <summary>"12.3 M words/s, 45 MB/s, 3,300,000 words".</summary>
    public static string Describe(AttackProgress report)
    {
        var seconds = Math.Max(report.Elapsed.TotalSeconds, 1e-3);
        return string.Create(CultureInfo.InvariantCulture,
            $"{report.Words / seconds / 1e6:0.0} M words/s, {report.BytesRead / seconds / 1e6:0} MB/s, {report.Words:N0} words");
    }

    sealed class Sink(Action<AttackProgress> report) : IProgress<AttackProgress>
    {
        public void Report(AttackProgress value) => report(value);
    }

    sealed class LogLines(string name) : IProgress<AttackProgress>
    {
        readonly Stopwatch sinceLast = Stopwatch.StartNew();

        public void Report(AttackProgress value)
        {
            if (sinceLast.Elapsed < LogInterval) return;
            sinceLast.Restart();
            var fraction = value.TotalBytes > 0 ? (double)value.BytesRead / value.TotalBytes : 0;
            var eta = fraction > 0 ? TimeSpan.FromSeconds(value.Elapsed.TotalSeconds * (1 - fraction) / fraction) : TimeSpan.Zero;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"attacking {name}: {fraction:P0}, {Describe(value)}, ETA {eta:hh\\:mm\\:ss}"));
        }
    }
}
