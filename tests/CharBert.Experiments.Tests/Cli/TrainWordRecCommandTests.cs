using System.Text.Json;
using CharBert.Cli;
using CharBert.Cli.Commands;
using CharBert.Training.WordRecognition;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert train-wordrec` with the background back-off, through the real command tree.</summary>
[NonParallelizable]
public class TrainWordRecCommandTests
{
    /// <summary>Sentences of made-up words, the frequent ones first in the vocabulary so a small --vocab-size leaves many out.</summary>
    static string WriteCorpus(TempFolder dir)
    {
        var rng = new Random(3);
        var words = Enumerable.Range(0, 30).Select(_ => new string(Enumerable.Range(0, rng.Next(5, 9)).Select(_ => (char)('a' + rng.Next(26))).ToArray())).ToArray();
        var lines = Enumerable.Range(0, 150).Select(_ => string.Join(' ', Enumerable.Range(0, rng.Next(4, 10)).Select(_ => words[rng.Next(words.Length)])));
        return dir.Write("corpus.txt", string.Join('\n', lines) + "\n");
    }

    static string[] Training(string corpus, string output, params string[] more) =>
        ["train-wordrec", "--train", corpus, "--out", output, "--epochs", "1", "--noise", "swap", "--seed", "4", .. more];

    [Test]
    public void A_background_recognizer_is_copied_inside_and_word_recovery_is_reported()
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        var background = CliHarness.Run(Training(corpus, dir.File("background"), "--vocab-size", "100"));
        Assert.That(background.Exit, Is.EqualTo(0), background.Err);

        var foreground = CliHarness.Run(Training(corpus, dir.File("foreground"), "--vocab-size", "5",
            "--backoff", "background", "--background", dir.File("background")));

        Assert.That(foreground.Exit, Is.EqualTo(0), foreground.Err);
        Assert.That(foreground.Out, Does.Contain("word recovery accuracy:").And.Contain("background recogniser copied into"));
        Assert.That(File.Exists(dir.File($"foreground/{WordRecognizer.BackgroundDirectoryName}/{ScrnnWeights.FileName}")));
        using (var recognizer = WordRecognizer.Load(dir.File("foreground")))
        {
            Assert.That(recognizer.Config.Backoff, Is.EqualTo(UnkBackoff.Background));
            Assert.That(recognizer.Config.Words, Has.Length.EqualTo(5));
            Assert.That(recognizer.Background!.Config.Words, Has.Length.EqualTo(30));
        }
        using var recovery = JsonDocument.Parse(File.ReadAllText(dir.File($"foreground/{TrainWordRecCommand.RecoveryFileName}")));
        Assert.That(recovery.RootElement.GetProperty("accuracy").GetDouble(), Is.InRange(0.0, 1.0));
        Assert.That(recovery.RootElement.GetProperty("words").GetInt32(), Is.GreaterThan(0));
    }

    [Test]
    public void A_missing_background_directory_is_named_before_training()
    {
        using var dir = new TempFolder();
        var missing = dir.File("no-such-recognizer");
        var result = CliHarness.Run(Training(WriteCorpus(dir), dir.File("out"), "--backoff", "background", "--background", missing));
        Assert.That(result.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(result.Err, Does.Contain(missing).And.Contain("not found"));
        Assert.That(result.Out, Does.Not.Contain("epoch"));
    }

    [Test]
    public void The_background_backoff_and_the_background_directory_come_together()
    {
        using var dir = new TempFolder();
        var corpus = WriteCorpus(dir);
        var noDirectory = CliHarness.Run(Training(corpus, dir.File("out"), "--backoff", "background"));
        Assert.That(noDirectory.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(noDirectory.Err, Does.Contain("--background"));
        var noBackoff = CliHarness.Run(Training(corpus, dir.File("out"), "--background", dir.Path));
        Assert.That(noBackoff.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(noBackoff.Err, Does.Contain("--backoff background"));
    }
}
