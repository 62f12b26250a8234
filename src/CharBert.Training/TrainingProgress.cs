namespace CharBert.Training;

/// <summary>Where a training run stands, reported after each optimiser step (and once at the start, with no
/// <see cref="Loss"/> yet): steps done of <see cref="TotalSteps"/>, the 1-based epoch, the step's loss and the
/// throughput since the previous report.</summary>
public sealed record TrainingProgress(int Step, int TotalSteps, int Epoch, int Epochs, double? Loss, double TokensPerSecond, double ExamplesPerSecond);
