using CharBert.Training.Runs;

namespace CharBert.Training;

/// <summary>How a training run ended. <see cref="Completed"/> is false when it stopped early on request
/// (<see cref="TrainingOptions.StopAfterSteps"/>).</summary>
public sealed record TrainingResult(
    int GlobalStep, int TotalSteps, bool Completed, IReadOnlyList<EpochMetrics> Epochs,
    double ExamplesPerSecond, double TokensPerSecond, double Seconds);
