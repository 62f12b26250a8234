using System.Text.Json;
using CharBert.Text.Tasks;
using CharBert.Training.Evaluation;
using CharBert.Training.FineTuning;
using CharBert.Training.Tests.Support;
using CharBert.Training.Tests.WordRecognition;
using CharBert.Training.WordRecognition;
using NUnit.Framework;

namespace CharBert.Training.Tests;

/// <summary>`evaluate --word-recognizer`: the recogniser rewrites the words before the model sees them, and
/// evaluate.json records which recogniser and back-off were used.</summary>
public class EvaluateWordRecognizerTests
{
    [Test]
    public void TheRecognizerAndItsBackoffChainAreRecordedBesideTheResults()
    {
        using var dir = new TempDirectory();
        var settings = FineTuneEndToEndTests.Settings(dir, "ner", SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 8, 1),
            SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 8, 2));
        FineTuneRunner.Run(settings with { Training = settings.Training with { Epochs = 1 } });
        // foreground and background both call every word UNK, so every word reaches the model unchanged
        using (var recognizer = TinyRecognizers.Forced("house", unk: true, UnkBackoff.Background,
                   background: TinyRecognizers.Forced("mouse", unk: true, UnkBackoff.PassThrough)))
            recognizer.Save(dir.Combine("wordrec"));
        EvaluateSettings Evaluate(string output, string? wordRecognizer) => new()
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Task = TaskId.Ner, TestFiles = [settings.Dev], Output = dir.Combine(output),
            WordRecognizer = wordRecognizer,
        };

        var plain = EvaluateRunner.Run(Evaluate("eval", null));
        var recognised = EvaluateRunner.Run(Evaluate("eval-wordrec", dir.Combine("wordrec")));

        Assert.That(recognised.Select(r => (r.Metric, r.Value)), Is.EqualTo(plain.Select(r => (r.Metric, r.Value))));
        using var without = JsonDocument.Parse(File.ReadAllText(dir.Combine("eval", EvaluationRecord.FileName)));
        Assert.That(without.RootElement.GetProperty("word_recognizer").ValueKind, Is.EqualTo(JsonValueKind.Null));
        using var with = JsonDocument.Parse(File.ReadAllText(dir.Combine("eval-wordrec", EvaluationRecord.FileName)));
        var used = with.RootElement.GetProperty("word_recognizer");
        Assert.That(used.GetProperty("directory").GetString(), Is.EqualTo(dir.Combine("wordrec")));
        Assert.That(used.GetProperty("backoff").GetString(), Is.EqualTo("background"));
        Assert.That(used.GetProperty("background").GetProperty("directory").GetString(), Is.EqualTo(dir.Combine("wordrec", WordRecognizer.BackgroundDirectoryName)));
        Assert.That(used.GetProperty("background").GetProperty("backoff").GetString(), Is.EqualTo("pass_through"));
        Assert.That(with.RootElement.GetProperty("task").GetString(), Is.EqualTo("ner"));
    }
}
