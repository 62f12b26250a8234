using CharBert.Training.Runs;

namespace CharBert.Training.PreTraining;

/// <summary>metrics.json of a pre-training run. Eval losses are null without --eval.</summary>
public sealed record PretrainResult(
    int TrainBlocks, int GlobalStep, int TotalSteps, bool Completed, double FirstLoss, double LastLoss,
    double? EvalLoss, double? EvalMaskedLmLoss, double? EvalTermLoss,
    double TrainSeconds, double ExamplesPerSecond, double TokensPerSecond, IReadOnlyList<EpochMetrics> Epochs);
