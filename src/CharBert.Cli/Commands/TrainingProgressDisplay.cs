using CharBert.Training;
using Spectre.Console;
using System.Globalization;

namespace CharBert.Cli.Commands;

/// <summary>Draws <see cref="TrainingProgress"/> reports of pre-training and fine-tuning as a bar with epoch, loss,
/// throughput, elapsed time and ETA (the library itself draws nothing).</summary>
sealed class TrainingProgressDisplay : ITrainingProgressView
{
    /// <summary>The view for a verb: none when quiet (nobody listens), else a bar per training run.</summary>
    public static ITrainingProgressView? For(bool quiet) => quiet ? null : new TrainingProgressDisplay();

    public T Show<T>(Func<IProgress<TrainingProgress>, T> run)
    {
        T result = default!;
        AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context => result = run(new Bar(context.AddTask("training", maxValue: 1))));
        return result;
    }

    sealed class Bar(ProgressTask task) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value)
        {
            task.MaxValue = Math.Max(1, value.TotalSteps);
            task.Value = value.Step;
            if (value.Loss is { } loss)
                task.Description = string.Create(CultureInfo.InvariantCulture,
                    $"epoch {value.Epoch}/{value.Epochs} loss {loss:F4} {value.TokensPerSecond:F0} tok/s");
        }
    }
}
