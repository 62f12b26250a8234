namespace CharBert.Experiments.Demo;

/// <summary>How big the demo study is. <see cref="Pretrained"/>: the default study from a pretrained encoder, sized to
/// finish within 25 minutes on an idle 2-core CPU with the corpora cached (measured: README "Measured");
/// <see cref="Scratch"/>: the tiny from-scratch study (`--from scratch`). `--scale N` multiplies the data and the
/// training budget of either; the number of seeds stays.</summary>
public sealed record DemoScale(
    int PretrainLines, int SotuAddresses, int TrainSentences, int EvalSentences, int SpamTrain, int SpamEval,
    int WordPieceSize, int TermVocabSize, int PretrainSteps, int FinetuneEpochs, int MaxSeqLength, int PosMaxSeqLength,
    int SpamMaxSeqLength, int BatchSize)
{
    static int Scaled(double factor, int n) => Math.Max(1, (int)Math.Round(n * factor));

    static void Check(double factor)
    {
        if (!(factor > 0)) throw new ArgumentException($"--scale must be positive (got {factor})");
    }

    /// <summary>The pretrained-start study. Sizes: see the README's budget table for what each costs.</summary>
    public static DemoScale Pretrained(double factor)
    {
        Check(factor);
        return new DemoScale(
            PretrainLines: Scaled(factor, 3_000), SotuAddresses: Scaled(factor, 3), TrainSentences: Scaled(factor, 250),
            EvalSentences: Scaled(factor, 100), SpamTrain: Scaled(factor, 75), SpamEval: Scaled(factor, 75),
            WordPieceSize: 0, TermVocabSize: 0, PretrainSteps: Scaled(factor, 50), FinetuneEpochs: 2,
            MaxSeqLength: 64, PosMaxSeqLength: 64, SpamMaxSeqLength: 64, BatchSize: 16);
    }

    /// <summary>The tiny from-scratch study (scale 1: a few minutes on a 2-core CPU).</summary>
    public static DemoScale Scratch(double factor)
    {
        Check(factor);
        return new DemoScale(
            PretrainLines: Scaled(factor, 20_000), SotuAddresses: 0, TrainSentences: Scaled(factor, 2_000), EvalSentences: Scaled(factor, 500),
            SpamTrain: Scaled(factor, 2_000), SpamEval: Scaled(factor, 500), WordPieceSize: 4_000, TermVocabSize: Scaled(factor, 2_000),
            PretrainSteps: Scaled(factor, 300), FinetuneEpochs: 2, MaxSeqLength: 64, PosMaxSeqLength: 64, SpamMaxSeqLength: 64,
            BatchSize: 16);
    }
}
