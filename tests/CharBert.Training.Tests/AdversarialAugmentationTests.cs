using CharBert.Text.Featurization;
using CharBert.Text.Tasks;
using CharBert.Training.FineTuning;
using CharBert.Training.Tasks;
using NUnit.Framework;

namespace CharBert.Training.Tests;

public class AdversarialAugmentationTests
{
    static readonly string[][] Sentences = Enumerable.Range(0, 20).Select(i => new[] { "Washington", "travelled", "yesterday", $"quickly{i}" }).ToArray();

    [Test]
    public void TheAttackerChangesWordsKeepsTheirCountAndIsSeeded()
    {
        var attacked = AdversarialAugmentation.Attacker("pruthi2019", TaskId.Parse("ner"), seed: 1)(Sentences);

        Assert.That(attacked.Select(s => s.Length), Is.EqualTo(Sentences.Select(s => s.Length)));
        Assert.That(attacked.SelectMany(s => s).Zip(Sentences.SelectMany(s => s)).Count(p => p.First != p.Second), Is.GreaterThan(20));
        Assert.That(AdversarialAugmentation.Attacker("pruthi2019", TaskId.Parse("ner"), seed: 1)(Sentences), Is.EqualTo(attacked));
        Assert.That(AdversarialAugmentation.Attacker("pruthi2019", TaskId.Parse("ner"), seed: 2)(Sentences), Is.Not.EqualTo(attacked));
    }

    [Test]
    public void MixAddsAttackedCopiesOfASeededShareOfExamples()
    {
        InputFeatures Example(int index, int marker) => new([marker], [1], [0], [0], [0], [0]) { ExampleIndex = index };
        var original = Enumerable.Range(0, 400).Select(i => Example(i, 0)).ToArray();
        var attacked = Enumerable.Range(0, 400).Select(i => Example(i, 1)).ToArray();

        var mixed = AdversarialAugmentation.Mix(original, attacked, probability: 0.25, seed: 3);

        Assert.That(mixed.Take(400), Is.EqualTo(original));
        var added = mixed.Skip(400).ToArray();
        Assert.That(added.All(f => f.InputIds[0] == 1), Is.True);
        Assert.That(added.Length, Is.InRange(70, 130), "about a quarter of 400");
        Assert.That(AdversarialAugmentation.Mix(original, attacked, 0.25, 3).Count, Is.EqualTo(mixed.Count));
        Assert.That(AdversarialAugmentation.Mix(original, attacked, 0.0, 3), Has.Count.EqualTo(400));
    }
}
