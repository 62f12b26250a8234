using CharBert.Training.Runs;

namespace CharBert.Training.FineTuning;

/// <summary>metrics.json of a fine-tuning run: the dev metrics after the last epoch and how training went.</summary>
public sealed record FineTuneResult(
    string Task, string Dev, IReadOnlyDictionary<string, double> DevMetrics, int GlobalStep, int TotalSteps, bool Completed,
    double TrainSeconds, double ExamplesPerSecond, double TokensPerSecond, IReadOnlyList<EpochMetrics> Epochs);
