namespace CharBert.Training;

/// <summary>Shows the progress of whole training runs: the CLI draws a bar, library code only reports. <see cref="Show"/>
/// runs <c>run</c> with a sink for its reports and returns its result.</summary>
public interface ITrainingProgressView
{
    T Show<T>(Func<IProgress<TrainingProgress>, T> run);
}

public static class TrainingProgressViewExtensions
{
    /// <summary>Runs <paramref name="run"/> under <paramref name="view"/>, or without a progress sink when there is none (quiet).</summary>
    public static T Run<T>(this ITrainingProgressView? view, Func<IProgress<TrainingProgress>?, T> run) =>
        view is null ? run(null) : view.Show<T>(run);
}
