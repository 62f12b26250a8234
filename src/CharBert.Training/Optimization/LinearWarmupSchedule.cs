using static TorchSharp.torch;

namespace CharBert.Training.Optimization;

/// <summary>HF get_linear_schedule_with_warmup: the learning rate rises linearly from 0 over the warm-up
/// steps, then falls linearly to 0 at the last step. The scheduler state is just the step count.</summary>
public sealed record LinearWarmupSchedule(double BaseLearningRate, int WarmupSteps, int TotalSteps)
{
    /// <summary>The learning rate used by the optimiser step that follows <paramref name="completedSteps"/> steps.</summary>
    public double LearningRateAt(int completedSteps)
    {
        if (completedSteps < WarmupSteps) return BaseLearningRate * completedSteps / Math.Max(1, WarmupSteps);
        return BaseLearningRate * Math.Max(0.0, (double)(TotalSteps - completedSteps) / Math.Max(1, TotalSteps - WarmupSteps));
    }

    public void Apply(optim.Optimizer optimizer, int completedSteps)
    {
        var lr = LearningRateAt(completedSteps);
        foreach (var group in optimizer.ParamGroups) group.LearningRate = lr;
    }
}
