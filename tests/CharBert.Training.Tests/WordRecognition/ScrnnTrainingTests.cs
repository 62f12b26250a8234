using CharBert.Modeling.WordRecognition;
using NUnit.Framework;
using CharBert.Training.WordRecognition;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.WordRecognition;

public class ScrnnTrainingTests : TrainedRecognizerFixture
{
    static readonly string[] Vocabulary = TinyRecognizers.Vocabulary;

    [Test]
    public void LearnsToRecoverSwappedWordsFarAboveTheIdentityBaseline()
    {
        var heldOut = SyntheticSentences.Sentences(Vocabulary, 100, seed: 3);
        var result = WordRecoveryEvaluation.Evaluate(Trained, heldOut, [ScrnnNoiseType.Swap], seed: 4);

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
            Trained.Save(directory);
            using var loaded = WordRecognizer.Load(directory);
            var attacked = TinyRecognizers.Attacked(20, seed: 7);

            Assert.That(File.Exists(Path.Combine(directory, ScrnnWeights.FileName)), "saved as safetensors");
            Assert.That(loaded.Config, Is.EqualTo(Trained.Config).Using<ScrnnConfig>((a, b) =>
                a.Alphabet == b.Alphabet && a.Words.SequenceEqual(b.Words) && a.HiddenSize == b.HiddenSize && a.Backoff == b.Backoff));
            Assert.That(loaded.RecognizeSentences(attacked), Is.EqualTo(Trained.RecognizeSentences(attacked)));
        }
        finally { if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true); }
    }

    [Test]
    public void OneTrainingStepLeavesNoTensorAlive()
    {
        var config = new ScrnnConfig("abcdefghijklmnopqrstuvwxyz", Vocabulary, 16, UnkBackoff.PassThrough, "a", ["swap"], 1);
        torch.random.manual_seed(1);
        using var recognizer = new WordRecognizer(config, config.CreateModel(), CPU);
        var step = new ScrnnTrainingStep(recognizer, 0.01);
        var batch = SyntheticSentences.Sentences(Vocabulary, 8, seed: 8);
        var rng = new Random(9);
        step.Run(batch, [ScrnnNoiseType.Swap], rng); // the first step creates the optimiser state and gradients

        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        step.Run(batch, [ScrnnNoiseType.Swap], rng);
        Assert.That(DisposeScopeManager.Statistics.ThreadTotalLiveCount, Is.EqualTo(before));
    }

    [Test]
    public void UnkPredictionsFallBackToTheInputOrTheNeutralWord()
    {
        using var passThrough = TinyRecognizers.Forced("house", unk: true, UnkBackoff.PassThrough);
        Assert.That(passThrough.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "Hoose", "qz" }));
        using var neutral = TinyRecognizers.Forced("house", unk: true, UnkBackoff.Neutral);
        Assert.That(neutral.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "a", "a" }));
    }

    [Test]
    public void VocabularyPredictionsTakeTheInputsCapitalisation()
    {
        using var recognizer = TinyRecognizers.Forced("house", unk: false, UnkBackoff.PassThrough);
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
            var missing = Path.Combine(directory, "missing");
            Assert.That(Assert.Throws<DirectoryNotFoundException>(() => WordRecognizer.Load(missing))!.Message, Does.Contain(missing));
        }
        finally { Directory.Delete(directory, recursive: true); }
    }
}
