namespace CharBert.Experiments.Demo;

/// <summary>The adaptation and fine-tuning settings of the pretrained-start demo: only what the paper's method varies
/// (adaptation steps, NLM noise probability, learning rates of the fresh character channel and fusion vs the pretrained
/// encoder, which parts train). None was tuned on a test score; the README's "Measured" section says what was tried.</summary>
public static class DemoSettings
{
    /// <summary>Fine-tuning learning rate of every model (a small encoder on a few hundred steps).</summary>
    public const double FinetuneLearningRate = 1e-4;
    /// <summary>Adaptation learning rate of the pretrained encoder (run_lm_finetuning.py's 5e-5).</summary>
    public const double PretrainLearningRate = 5e-5;
    /// <summary>Adaptation learning rate of the fresh parts (character channel, fusion, MLM/NLM heads): the encoder's.
    /// At 1e-3 (and 2e-4) the fresh fusion, which sits inside the encoder after every layer, collapsed the token
    /// channel within 50 steps: word representations at the last layer became almost input-independent (README).</summary>
    public const double FreshLearningRate = PretrainLearningRate;
    /// <summary>The share of words NLM noises (the paper's 15 %; the original script's default is 10 %).</summary>
    public const double NlmProbability = 0.15;
    /// <summary>Pre-training checkpoints every this many steps, so an interrupted adaptation resumes.</summary>
    public const int CheckpointEvery = 25;

    /// <summary>Warm-up of the fresh parts: a tenth of the adaptation.</summary>
    public static int FreshWarmupSteps(int pretrainSteps) => pretrainSteps / 10;

    /// <summary>No frozen first phase: the encoder adapts from the first step.</summary>
    public static int FrozenSteps(int pretrainSteps) => 0;
}
