using CharBert.Metrics.Sensitivity;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class SensitivityTests
{
    [Test]
    public void Word_distance_is_one_minus_cosine()
    {
        Assert.That(SensitivityMetric.WordDistance([1, 0], [0, 1]), Is.EqualTo(1).Within(1e-12));   // orthogonal
        Assert.That(SensitivityMetric.WordDistance([1, 1], [2, 2]), Is.EqualTo(0).Within(1e-12));   // same direction
        Assert.That(SensitivityMetric.WordDistance([1, 0], [-3, 0]), Is.EqualTo(2).Within(1e-12));  // opposite
        Assert.That(SensitivityMetric.WordDistance([1, 0], [1, 1]), Is.EqualTo(1 - 1 / Math.Sqrt(2)).Within(1e-7));
    }

    [Test]
    public void Zero_vectors_have_a_defined_distance()
    {
        Assert.That(SensitivityMetric.WordDistance([0, 0], [0, 0]), Is.EqualTo(0));
        Assert.That(SensitivityMetric.WordDistance([0, 0], [1, 0]), Is.EqualTo(1));
    }

    [Test]
    public void Sentence_s_is_the_mean_over_words()
    {
        // distances 1 and 0 -> S = 0.5
        Assert.That(SensitivityMetric.Sentence([[1, 0], [1, 1]], [[0, 1], [2, 2]]), Is.EqualTo(0.5).Within(1e-12));
        Assert.Throws<ArgumentException>(() => SensitivityMetric.Sentence([[1, 0]], [[1, 0, 0]]));
    }

    [Test]
    public void Corpus_s_weighs_words_not_sentences_and_splits_attacked_words()
    {
        var acc = new SensitivityAccumulator();
        // sentence 1: word 0 attacked, distance 1; word 1 untouched, distance 0
        acc.Add([[1, 0], [1, 1]], [[0, 1], [2, 2]], [true, false]);
        // sentence 2: one attacked word, distance 2
        acc.Add([[1, 0]], [[-1, 0]], [true]);
        var r = acc.Report();
        Assert.That(r.All, Is.EqualTo(1.0).Within(1e-12));        // (1 + 0 + 2) / 3, not mean(0.5, 2)
        Assert.That(r.Attacked, Is.EqualTo(1.5).Within(1e-12));   // (1 + 2) / 2
        Assert.That(r.Unattacked, Is.EqualTo(0).Within(1e-12));
        Assert.That((r.Words, r.AttackedWords, r.UnattackedWords), Is.EqualTo((3, 2, 1)));
    }

    [Test]
    public void Empty_accumulator_reports_nulls()
    {
        var r = new SensitivityAccumulator().Report();
        Assert.That(r.All, Is.Null);
        Assert.That(r.Attacked, Is.Null);
    }

    [Test]
    public void Pooling_takes_first_subword_or_mean()
    {
        // "playing" -> [play, ##ing] = subwords 1, 2; "now" -> subword 3; subword 0 is [CLS]
        float[][] subwords = [[9, 9], [1, 2], [3, 6], [5, 5]];
        IReadOnlyList<int>[] alignment = [[1, 2], [3]];
        var first = WordVectors.Pool(subwords, alignment);
        Assert.That(first, Is.EqualTo(new[] { new float[] { 1, 2 }, new float[] { 5, 5 } }));
        var mean = WordVectors.Pool(subwords, alignment, WordPooling.Mean);
        Assert.That(mean, Is.EqualTo(new[] { new float[] { 2, 4 }, new float[] { 5, 5 } }));
        Assert.Throws<ArgumentException>(() => WordVectors.Pool(subwords, [[4]]));
    }
}
