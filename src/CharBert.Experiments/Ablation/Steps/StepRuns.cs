using CharBert.Training.Runs;

namespace CharBert.Experiments.Ablation.Steps;

static class StepRuns
{
    /// <summary>A training run directory left by an interrupted cell that holds a checkpoint to continue from.
    /// One without (killed before its first checkpoint) is started again.</summary>
    public static bool CanResume(string runDirectory)
    {
        var checkpoints = Path.Combine(runDirectory, RunFiles.Checkpoints);
        return File.Exists(Path.Combine(runDirectory, RunFiles.Config))
               && Directory.Exists(checkpoints) && Directory.EnumerateFileSystemEntries(checkpoints).Any();
    }
}
