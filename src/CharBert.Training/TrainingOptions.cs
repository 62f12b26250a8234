using CharBert.Modeling;
using CharBert.Modeling.Precision;

namespace CharBert.Training;

/// <summary>Hyper-parameters and run controls of one training run. Defaults are the original CharBERT
/// fine-tuning scripts' (run_ner.py / run_glue.py / run_squad.py): lr 3e-5, 3 epochs, AdamW eps 1e-8,
/// weight decay 0, no warm-up, gradient clipping at 1.0, seed 42.</summary>
public sealed record TrainingOptions
{
    public int Epochs { get; init; } = 3;
    /// <summary>When set, training stops after this many optimiser steps and the schedule spans them (HF max_steps).</summary>
    public int? MaxSteps { get; init; }
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 3e-5;
    public double WeightDecay { get; init; }
    public double AdamEpsilon { get; init; } = 1e-8;
    public int WarmupSteps { get; init; }
    public double MaxGradNorm { get; init; } = 1.0;
    public int GradientAccumulationSteps { get; init; } = 1;
    public int Seed { get; init; } = 42;
    public string Device { get; init; } = "cpu";
    /// <summary>fp32, or bf16 = autocast (fp32 weights and optimiser, bf16 matmuls in the forward pass; see Autocast).</summary>
    public string Precision { get; init; } = Precisions.Fp32;
    /// <summary>Write a resumable checkpoint every this many optimiser steps (0 = only at the end of each epoch).</summary>
    public int CheckpointEvery { get; init; } = 500;
    /// <summary>How many of the newest checkpoints to keep on disk.</summary>
    public int KeepCheckpoints { get; init; } = 2;
    /// <summary>Stop (as if killed) after this many optimiser steps, without final outputs. For resume tests and time-boxed jobs.</summary>
    public int? StopAfterSteps { get; init; }
    /// <summary>Whether the CLI showed progress (kept in config.json; the library itself draws nothing: see <see cref="TrainingProgress"/>).</summary>
    public bool Quiet { get; init; }
    /// <summary>Cut each batch to its longest sequence instead of max_seq_length (dynamic padding; see
    /// FeatureCollator.TrimToLongest). Used where the data source supports it (fine-tuning and evaluation).</summary>
    public bool PadToLongest { get; init; }
    /// <summary>Batch examples of similar length together (Hugging Face's group_by_length), so dynamic padding saves more.</summary>
    public bool GroupByLength { get; init; }
    /// <summary>Separate learning rates / warm-up for parameters the initial checkpoint did not provide, and a frozen first
    /// phase for those it did (null: one schedule for all). The trainer is told which parameters are fresh.</summary>
    public Optimization.FreshParameterSchedule? FreshParameters { get; init; }

    /// <summary>Quiet when asked, when stdout is redirected, or on CI (CI=true).</summary>
    public static bool QuietByEnvironment =>
        Console.IsOutputRedirected || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public void Validate()
    {
        if (Epochs < 1 && MaxSteps is null) throw new ArgumentException($"epochs must be at least 1 (got {Epochs})");
        if (MaxSteps is < 1) throw new ArgumentException($"max steps must be at least 1 (got {MaxSteps})");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1 (got {BatchSize})");
        if (!(LearningRate > 0)) throw new ArgumentException($"learning rate must be positive (got {LearningRate})");
        if (GradientAccumulationSteps < 1) throw new ArgumentException($"gradient accumulation steps must be at least 1 (got {GradientAccumulationSteps})");
        if (WarmupSteps < 0) throw new ArgumentException($"warm-up steps must be non-negative (got {WarmupSteps})");
        Precisions.Parse(Precision);
        if (CheckpointEvery < 0) throw new ArgumentException($"checkpoint interval must be non-negative (got {CheckpointEvery})");
        FreshParameters?.Validate(MaxSteps);
    }
}
