using CharBert.Attacks.Adversarial;
using CharBert.Training.Adversarial;
using CharBert.Training.FineTuning;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests.Adversarial;

/// <summary>The greedy character attack against a real fine-tuned model: on synthetic QNLI where "yes" in the
/// sentence means entailment, one edit to "yes" flips entailed examples, so adversarial accuracy must fall.</summary>
public class AdversarialClassificationTests
{
    [Test]
    public void One_character_edits_flip_a_fine_tuned_keyword_classifier()
    {
        using var dir = new TempDirectory();
        var settings = FineTuneEndToEndTests.Settings(dir, "glue:qnli",
            SyntheticTaskFiles.WriteQnli(dir.Combine("train.tsv"), 128, 3), SyntheticTaskFiles.WriteQnli(dir.Combine("dev.tsv"), 16, 4));
        FineTuneRunner.Run(settings);

        var (results, summary) = AdversarialRunner.Run(new AdversarialSettings
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Input = settings.Dev, Search = new GreedySearchOptions(MaxEdits: 1), AttackSecondSegment = true,
        });

        Assert.That(results, Has.Count.EqualTo(16));
        Assert.That(summary.MeanQualityAfterEdits[0], Is.GreaterThan(0.8), "clean accuracy of the fine-tuned model");
        Assert.That(summary.MeanQualityAfterEdits[1], Is.LessThan(summary.MeanQualityAfterEdits[0] - 0.2), "one edit must hurt");
        Assert.That(results.Where(r => r.Stop == SearchStop.Flipped).SelectMany(r => r.Edits).Any(e => e.Original == "yes"),
            "the flips come from editing the keyword");
        Assert.That(summary.TotalQueries, Is.GreaterThan(16));
    }
}

/// <summary>The same search against a fine-tuned NER tagger, through the token-classification target.</summary>
public class AdversarialTaggingTests
{
    [Test]
    public void The_search_runs_against_a_fine_tuned_tagger_and_never_improves_it()
    {
        using var dir = new TempDirectory();
        var settings = FineTuneEndToEndTests.Settings(dir, "ner",
            SyntheticTaskFiles.WriteNer(dir.Combine("train.txt"), 96, 1), SyntheticTaskFiles.WriteNer(dir.Combine("dev.txt"), 12, 2));
        FineTuneRunner.Run(settings);

        var (results, summary) = AdversarialRunner.Run(new AdversarialSettings
        {
            ModelDirectory = Path.Combine(settings.Output, "model"), Input = settings.Dev, Search = new GreedySearchOptions(MaxEdits: 1),
        });

        Assert.That(results, Has.Count.EqualTo(12));
        Assert.That(summary.MeanQualityAfterEdits, Has.Count.EqualTo(2));
        Assert.That(summary.MeanQualityAfterEdits[0], Is.GreaterThan(0.5), "the tagger gets most clean sentences' entities right");
        Assert.That(summary.MeanQualityAfterEdits[1], Is.LessThanOrEqualTo(summary.MeanQualityAfterEdits[0]));
        Assert.That(summary.TotalQueries, Is.GreaterThan(12), "candidates were scored by the model");
    }
}
