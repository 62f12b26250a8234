namespace CharBert.Training.Optimization;

/// <summary>How a model partly initialised from a checkpoint trains its two kinds of parameters: those the checkpoint
/// provided ("pretrained", e.g. a BERT encoder) and those it did not ("fresh": CharBERT's character channel and fusion,
/// a new head). Fresh parameters get their own peak learning rate and warm-up; the pretrained ones can stay frozen for
/// the first <see cref="FrozenSteps"/> steps (only the fresh parts train), after which their warm-up starts and their
/// learning rate decays to 0 at the last step like the fresh ones'. Unset values take the run's own.</summary>
public sealed record FreshParameterSchedule
{
    /// <summary>Peak learning rate of the fresh parameters (null: the run's learning rate).</summary>
    public double? FreshLearningRate { get; init; }
    /// <summary>Warm-up steps of the fresh parameters (null: the run's warm-up).</summary>
    public int? FreshWarmupSteps { get; init; }
    /// <summary>Steps at the start during which the pretrained parameters do not train (no gradients, no updates).</summary>
    public int FrozenSteps { get; init; }

    public bool IsDefault => FreshLearningRate is null && FreshWarmupSteps is null && FrozenSteps == 0;

    public void Validate(int? totalSteps)
    {
        if (FreshLearningRate is { } lr && !(lr > 0)) throw new ArgumentException($"the fresh parameters' learning rate must be positive (got {lr})");
        if (FreshWarmupSteps is < 0) throw new ArgumentException($"the fresh parameters' warm-up must be non-negative (got {FreshWarmupSteps})");
        if (FrozenSteps < 0) throw new ArgumentException($"frozen steps must be non-negative (got {FrozenSteps})");
        if (totalSteps is { } total && FrozenSteps >= total)
            throw new ArgumentException($"frozen steps ({FrozenSteps}) must be fewer than the run's steps ({total}), or the pretrained parameters never train");
    }

    /// <summary>The learning-rate schedule of one parameter group over a run of <paramref name="totalSteps"/> steps.</summary>
    public Func<int, double> ScheduleFor(bool fresh, double learningRate, int warmupSteps, int totalSteps)
    {
        if (fresh) return new LinearWarmupSchedule(FreshLearningRate ?? learningRate, FreshWarmupSteps ?? warmupSteps, totalSteps).LearningRateAt;
        var pretrained = new LinearWarmupSchedule(learningRate, warmupSteps, totalSteps - FrozenSteps);
        return step => step < FrozenSteps ? 0 : pretrained.LearningRateAt(step - FrozenSteps);
    }
}
