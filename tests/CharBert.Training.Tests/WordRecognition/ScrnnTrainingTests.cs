using NUnit.Framework;
using CharBert.Training.WordRecognition;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.WordRecognition;

public class ScrnnTrainingTests
{
    static readonly string[] Vocabulary = SyntheticSentences.Vocabulary(40, seed: 1);

    static readonly ScrnnTrainingOptions Options = new()
    {
        VocabularySize = 100, Epochs = 6, BatchSize = 16, LearningRate = 0.01,
        NoiseTypes = [ScrnnNoiseType.Swap], Seed = 5,
    };

    WordRecognizer _trained = null!;
    int _previousThreads;

    [OneTimeSetUp]
    public void TrainOnce()
    {
        // One libtorch thread: on a busy shared CI machine this is several times faster for so small a model.
        _previousThreads = get_num_threads();
        set_num_threads(1);
        _trained = ScrnnTrainer.Train(SyntheticSentences.Sentences(Vocabulary, 200, seed: 2), Options, CPU);
    }

    [OneTimeTearDown]
    public void Release()
    {
        _trained.Dispose();
        set_num_threads(_previousThreads);
    }

    [Test]
    public void LearnsToRecoverSwappedWordsFarAboveTheIdentityBaseline()
    {
        var heldOut = SyntheticSentences.Sentences(Vocabulary, 100, seed: 3);
        var result = WordRecoveryEvaluation.Evaluate(_trained, heldOut, [ScrnnNoiseType.Swap], seed: 4);

        TestContext.Out.WriteLine($"accuracy {result.Accuracy:F3}, identity {result.IdentityAccuracy:F3}, attacked {result.AttackedAccuracy:F3}");
        Assert.That(result.Accuracy, Is.GreaterThan(0.9));
        Assert.That(result.Accuracy - result.IdentityAccuracy, Is.GreaterThan(0.5));
    }

    [Test]
    public void SavedAndLoadedRecognizerPredictsTheSame()
    {
        var directory = Path.Combine(Path.GetTempPath(), "scrnn-test-" + Guid.NewGuid().ToString("N"));
        try
        {
            _trained.Save(directory);
            using var loaded = WordRecognizer.Load(directory);
            var rng = new Random(6);
            var attacked = SyntheticSentences.Sentences(Vocabulary, 20, seed: 7)
                .Select(s => s.Select(w => ScrnnWordNoise.Apply(w, ScrnnNoiseType.Swap, rng)).ToArray()).ToArray();

            Assert.That(loaded.Config, Is.EqualTo(_trained.Config).Using<ScrnnConfig>((a, b) =>
                a.Alphabet == b.Alphabet && a.Words.SequenceEqual(b.Words) && a.HiddenSize == b.HiddenSize && a.Backoff == b.Backoff));
            Assert.That(loaded.RecognizeSentences(attacked), Is.EqualTo(_trained.RecognizeSentences(attacked)));
        }
        finally { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
    }

    [Test]
    public void OneTrainingStepLeavesNoTensorAlive()
    {
        var config = new ScrnnConfig("abcdefghijklmnopqrstuvwxyz", Vocabulary, 16, UnkBackoff.PassThrough, "a", ["swap"], 1);
        torch.random.manual_seed(1);
        using var recognizer = new WordRecognizer(config, ScrnnModel.For(config), CPU);
        var step = new ScrnnTrainingStep(recognizer, 0.01);
        var batch = SyntheticSentences.Sentences(Vocabulary, 8, seed: 8);
        var rng = new Random(9);
        step.Run(batch, [ScrnnNoiseType.Swap], rng); // the first step creates the optimiser state and gradients

        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        step.Run(batch, [ScrnnNoiseType.Swap], rng);
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before));
    }

    /// <summary>A recogniser over the one-word vocabulary ["house"] whose output bias forces class 0 ("house") or 1 (UNK).</summary>
    static WordRecognizer AlwaysPredicting(int wordClass, UnkBackoff backoff)
    {
        var config = new ScrnnConfig("abcdefghijklmnopqrstuvwxyz", ["house"], 4, backoff, "a", ["swap"], 1);
        var model = ScrnnModel.For(config);
        var bias = wordClass == 0 ? new[] { 100f, -100f } : new[] { -100f, 100f };
        using (no_grad())
            model.get_parameter("classifier.bias")!.copy_(tensor(bias));
        return new WordRecognizer(config, model, CPU);
    }

    [Test]
    public void UnkPredictionsFallBackToTheInputOrTheNeutralWord()
    {
        using var passThrough = AlwaysPredicting(1, UnkBackoff.PassThrough);
        Assert.That(passThrough.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "Hoose", "qz" }));
        using var neutral = AlwaysPredicting(1, UnkBackoff.Neutral);
        Assert.That(neutral.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "a", "a" }));
    }

    [Test]
    public void VocabularyPredictionsTakeTheInputsCapitalisation()
    {
        using var recognizer = AlwaysPredicting(0, UnkBackoff.PassThrough);
        Assert.That(recognizer.Recognize(["Hoseu", "HOSUE", "hsoue"]), Is.EqualTo(new[] { "House", "HOUSE", "house" }));
    }

    [Test]
    public void LoadingABrokenConfigurationNamesTheFile()
    {
        var directory = Path.Combine(Path.GetTempPath(), "scrnn-bad-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            File.WriteAllText(Path.Combine(directory, WordRecognizer.ConfigFileName), "{ \"Alphabet\": 3,");
            File.WriteAllText(Path.Combine(directory, WordRecognizer.WeightsFileName), "");
            var error = Assert.Throws<CharBert.Text.IO.DataFormatException>(() => WordRecognizer.Load(directory));
            Assert.That(error!.Message, Does.Contain(WordRecognizer.ConfigFileName));
            Assert.Throws<FileNotFoundException>(() => WordRecognizer.Load(Path.Combine(directory, "missing")));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }
}
