namespace CharBert.Training.WordRecognition;

/// <summary>ScRNN training settings; defaults follow Pruthi et al.'s train.py (hidden 50, batch 32, Adam
/// with PyTorch's default learning rate, vocabulary ~10k, every training word noised with one of the
/// noise types drawn uniformly).</summary>
public sealed record ScrnnTrainingOptions
{
    public int VocabularySize { get; init; } = 10_000;
    public int Epochs { get; init; } = 10;
    public int BatchSize { get; init; } = 32;
    public double LearningRate { get; init; } = 1e-3;
    public int HiddenSize { get; init; } = ScrnnConfig.DefaultHiddenSize;
    public IReadOnlyList<ScrnnNoiseType> NoiseTypes { get; init; } = ScrnnNoiseTypes.All;
    public UnkBackoff Backoff { get; init; } = UnkBackoff.PassThrough;
    public int Seed { get; init; } = 42;
}
