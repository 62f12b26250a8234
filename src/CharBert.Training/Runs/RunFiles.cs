namespace CharBert.Training.Runs;

/// <summary>The file names of a run directory.</summary>
public static class RunFiles
{
    public const string Config = "config.json";
    public const string Environment = "environment.json";
    public const string Metrics = "metrics.json";
    public const string Model = "model";
    public const string Checkpoints = "checkpoints";
    public const string TrainLog = "train_log.csv";
    /// <summary>Which weights a run took from a checkpoint and which it initialised fresh (partial loads only).</summary>
    public const string Initialization = "initialization.json";
}
