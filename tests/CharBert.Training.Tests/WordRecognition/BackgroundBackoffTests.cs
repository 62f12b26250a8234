using CharBert.Text.IO;
using CharBert.Training.Tests.Support;
using CharBert.Training.WordRecognition;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.WordRecognition;

public class BackgroundBackoffTests
{
    /// <summary>A foreground over ["house"] backing off to a background over ["mouse"], each forced to one class.</summary>
    static WordRecognizer HouseThenMouse(bool foregroundUnk = true, bool backgroundUnk = false) =>
        TinyRecognizers.Forced("house", foregroundUnk, UnkBackoff.Background, TinyRecognizers.Forced("mouse", backgroundUnk, UnkBackoff.PassThrough));

    [Test]
    public void UnkWordsAreDecidedByTheBackground()
    {
        using var recognizer = HouseThenMouse();
        Assert.That(recognizer.RecognizeSentences([["Hoose", "QZX"], [], ["hsoue"]]),
            Is.EqualTo(new[] { new[] { "Mouse", "MOUSE" }, [], new[] { "mouse" } }));
    }

    [Test]
    public void WordsTheBackgroundDoesNotKnowEitherPassThrough()
    {
        using var recognizer = HouseThenMouse(backgroundUnk: true);
        Assert.That(recognizer.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "Hoose", "qz" }));
    }

    [Test]
    public void KnownWordsAreNotSentToTheBackground()
    {
        using var recognizer = HouseThenMouse(foregroundUnk: false);
        Assert.That(recognizer.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "House", "house" }));
    }

    /// <summary>Pruthi et al.'s setting: a foreground with a small vocabulary in front of a background that knows every
    /// word. Per word, the output is the foreground's word, or where the foreground says UNK (seen through a copy of its
    /// weights with a marker as the neutral word) the background's word for the same sentence.</summary>
    [Test]
    public void ASmallVocabularyForegroundDefersItsUnkWordsToABackgroundThatKnowsThem()
    {
        using var dir = new TempDirectory();
        using var recognizer = TinyRecognizers.Train(vocabularySize: 15, UnkBackoff.Background, background: TinyRecognizers.Train());
        recognizer.Save(dir.Path);
        using var unkMarked = new WordRecognizer(recognizer.Config with { Backoff = UnkBackoff.Neutral, NeutralWord = "<unk>" },
            TinyRecognizers.Weights(recognizer.Config, dir.Path), CPU);
        var attacked = TinyRecognizers.Attacked(60, seed: 11);

        var output = recognizer.RecognizeSentences(attacked);
        var foreground = unkMarked.RecognizeSentences(attacked);
        var background = recognizer.Background!.RecognizeSentences(attacked);

        var words = output.SelectMany((s, i) => s.Select((w, j) => (Out: w, Fore: foreground[i][j], Back: background[i][j]))).ToArray();
        Assert.That(words.Count(w => w.Fore == "<unk>"), Is.GreaterThan(words.Length / 10), "the foreground calls many words UNK");
        Assert.That(words.Count(w => w.Fore != "<unk>"), Is.GreaterThan(words.Length / 10), "and knows many others");
        Assert.That(words.Select(w => w.Out), Is.EqualTo(words.Select(w => w.Fore == "<unk>" ? w.Back : w.Fore)));

        var clean = SyntheticSentences.Sentences(TinyRecognizers.Vocabulary, 60, seed: 11);
        var withBackground = WordRecoveryEvaluation.Evaluate(recognizer, clean, [ScrnnNoiseType.Swap], seed: 12);
        using var passThrough = new WordRecognizer(recognizer.Config with { Backoff = UnkBackoff.PassThrough }, TinyRecognizers.Weights(recognizer.Config, dir.Path), CPU);
        var foregroundAlone = WordRecoveryEvaluation.Evaluate(passThrough, clean, [ScrnnNoiseType.Swap], seed: 12);
        TestContext.Out.WriteLine($"word recovery: foreground + background {withBackground.Accuracy:F3}, foreground with pass-through {foregroundAlone.Accuracy:F3}");
        Assert.That(withBackground.Accuracy, Is.GreaterThan(foregroundAlone.Accuracy + 0.1));
    }

    [Test]
    public void SavedWithTheBackgroundInsideAndLoadedBack()
    {
        using var dir = new TempDirectory();
        using var recognizer = HouseThenMouse();
        recognizer.Save(dir.Path);

        Assert.That(File.Exists(dir.Combine(WordRecognizer.BackgroundDirectoryName, WordRecognizer.ConfigFileName)));
        Assert.That(File.Exists(dir.Combine(WordRecognizer.BackgroundDirectoryName, ScrnnWeights.FileName)));
        Assert.That(File.ReadAllText(dir.Combine(WordRecognizer.ConfigFileName)), Does.Contain("\"background\""));
        using var loaded = WordRecognizer.Load(dir.Path);
        Assert.That(loaded.Config.Backoff, Is.EqualTo(UnkBackoff.Background));
        Assert.That(loaded.Background!.Config.Words, Is.EqualTo(new[] { "mouse" }));
        Assert.That(loaded.Recognize(["Hoose", "qz"]), Is.EqualTo(new[] { "Mouse", "mouse" }));
    }

    static void SaveHouseThenMouse(string directory)
    {
        using var recognizer = HouseThenMouse();
        recognizer.Save(directory);
    }

    [Test]
    public void AMissingBackgroundDirectoryIsNamed()
    {
        using var dir = new TempDirectory();
        SaveHouseThenMouse(dir.Path);
        Directory.Delete(dir.Combine(WordRecognizer.BackgroundDirectoryName), recursive: true);

        var error = Assert.Throws<DataFormatException>(() => WordRecognizer.Load(dir.Path))!;
        Assert.That(error.Message, Does.Contain(dir.Combine(WordRecognizer.BackgroundDirectoryName)).And.Contain("missing"));
    }

    [Test]
    public void ABackgroundIsGivenExactlyForTheBackgroundBackoffAndMustEndInPassThrough()
    {
        Assert.Throws<ArgumentException>(() => TinyRecognizers.Forced("house", unk: true, UnkBackoff.Background));
        Assert.Throws<ArgumentException>(() => TinyRecognizers.Forced("house", unk: true, UnkBackoff.PassThrough,
            background: TinyRecognizers.Forced("mouse", unk: false, UnkBackoff.PassThrough)));
        Assert.Throws<ArgumentException>(() => TinyRecognizers.Forced("house", unk: true, UnkBackoff.Background,
            background: TinyRecognizers.Forced("mouse", unk: false, UnkBackoff.Neutral)));
        var error = Assert.Throws<ArgumentException>(() => ScrnnTrainer.Train([["some", "words"]], new ScrnnTrainingOptions { Backoff = UnkBackoff.Background }, CPU))!;
        Assert.That(error.Message, Does.Contain("background recogniser"));
    }

    [Test]
    public void ABackgroundWhoseOwnBackoffIsNeutralIsRefusedOnLoad()
    {
        using var dir = new TempDirectory();
        SaveHouseThenMouse(dir.Path);
        var backgroundConfig = dir.Combine(WordRecognizer.BackgroundDirectoryName, WordRecognizer.ConfigFileName);
        File.WriteAllText(backgroundConfig, File.ReadAllText(backgroundConfig).Replace("\"pass-through\"", "\"neutral\""));

        var error = Assert.Throws<DataFormatException>(() => WordRecognizer.Load(dir.Path))!;
        Assert.That(error.Message, Does.Contain(backgroundConfig).And.Contain("Neutral"));
    }
}
