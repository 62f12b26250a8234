namespace CharBert.Experiments.Demo;

/// <summary>How big the demo study is. Scale 1 fits a 2-core laptop CPU in about ten minutes (data cached);
/// `--scale N` multiplies the data and training budget.</summary>
public sealed record DemoScale(
    int PretrainLines, int TrainSentences, int EvalSentences, int WordPieceSize, int TermVocabSize,
    int PretrainSteps, int FinetuneEpochs, int MaxSeqLength, int BatchSize)
{
    public static DemoScale Times(double factor)
    {
        if (factor <= 0) throw new ArgumentException("--scale must be positive");
        int S(int n) => Math.Max(1, (int)Math.Round(n * factor));
        return new DemoScale(
            PretrainLines: S(20_000), TrainSentences: S(2_000), EvalSentences: S(500),
            WordPieceSize: 4_000, TermVocabSize: S(2_000),
            PretrainSteps: S(300), FinetuneEpochs: 2, MaxSeqLength: 64, BatchSize: 16);
    }
}
