using CharBert.Metrics.Analysis;
using CharBert.Metrics.Sequence;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class SubwordSplitAnalysisTests
{
    // Words: "Johannesburg is near Pretoria ." with a known WordPiece cut:
    // Johannesburg -> Johannes ##burg (2), is (1), near (1), Pretoria -> Pre ##tor ##ia (3), . (1)
    static readonly IReadOnlyList<IReadOnlyList<int>> Subwords = [[2, 1, 1, 3, 1], [1, 1]];
    static readonly IReadOnlyList<IReadOnlyList<string>> Gold = [["B-LOC", "O", "O", "B-LOC", "O"], ["B-PER", "O"]];

    [Test]
    public void Token_accuracy_per_subset()
    {
        IReadOnlyList<IReadOnlyList<string>> predicted = [["B-LOC", "O", "B-LOC", "O", "O"], ["B-PER", "O"]];
        var scores = SubwordSplitAnalysis.TokenAccuracy(Subwords, Gold, predicted);
        // split words: Johannesburg (right), Pretoria (wrong) -> 1/2
        // whole words: is, near (wrong), ., and sentence 2's two words -> 4/5
        Assert.That((scores.WholeItems, scores.SplitItems), Is.EqualTo((5, 2)));
        Assert.That(scores.Split, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(scores.Whole, Is.EqualTo(0.8).Within(1e-12));
        Assert.That(scores.All, Is.EqualTo(5.0 / 7).Within(1e-12));
    }

    [Test]
    public void Entity_f1_per_subset_and_gain()
    {
        // baseline misses Pretoria and invents LOC at "near" (whole); model gets everything right.
        IReadOnlyList<IReadOnlyList<string>> baseline = [["B-LOC", "O", "B-LOC", "O", "O"], ["B-PER", "O"]];
        var a = SubwordSplitAnalysis.EntityF1(Subwords, Gold, baseline);
        // split entities: gold {Johannesburg, Pretoria}, predicted {Johannesburg}: P=1, R=1/2 -> 2/3
        // whole entities: gold {PER}, predicted {PER, near}: P=1/2, R=1 -> 2/3
        // all: TP 2, predicted 3, gold 3 -> 2/3
        Assert.That((a.WholeItems, a.SplitItems), Is.EqualTo((1, 2)));
        Assert.That(a.Split, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(a.Whole, Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(a.All, Is.EqualTo(2.0 / 3).Within(1e-12));

        var b = SubwordSplitAnalysis.EntityF1(Subwords, Gold, Gold);
        var gain = WordSplitScores.Gain(a, b);
        Assert.That(gain.Split, Is.EqualTo(1.0 / 3).Within(1e-12));
        Assert.That(gain.Whole, Is.EqualTo(1.0 / 3).Within(1e-12));
    }

    [Test]
    public void A_multiword_entity_is_split_if_any_word_is()
    {
        // "New Johannesburg": New (1) + Johannesburg (2) -> split entity
        IReadOnlyList<IReadOnlyList<int>> subwords = [[1, 2]];
        IReadOnlyList<IReadOnlyList<string>> gold = [["B-LOC", "I-LOC"]];
        var (whole, split, _) = SubwordSplitAnalysis.EntityReports(subwords, gold, gold, ChunkingMode.Conlleval);
        Assert.That((whole.Overall.Gold, split.Overall.Gold), Is.EqualTo((0, 1)));
    }

    [Test]
    public void Split_statistics_count_words_entities_and_entity_words()
    {
        var stats = SubwordSplitAnalysis.Statistics(Subwords, Gold);
        // words: Johannesburg, Pretoria split of 7; entities: both LOC split, PER whole; entity words: 2 of 3 split
        Assert.That((stats.Words, stats.SplitWords), Is.EqualTo((7, 2)));
        Assert.That(stats.Entities, Is.EqualTo(new EntitySplitCounts(3, 2, 3, 2)));
        Assert.That(stats.SplitWordShare, Is.EqualTo(2.0 / 7).Within(1e-12));
        Assert.That(stats.Entities!.SplitEntityShare, Is.EqualTo(2.0 / 3).Within(1e-12));

        var multiword = SubwordSplitAnalysis.Statistics([[1, 2, 1]], [["B-LOC", "I-LOC", "O"]]);
        Assert.That(multiword.Entities, Is.EqualTo(new EntitySplitCounts(1, 1, 2, 1)), "New Johannesburg: split entity, one of its two words split");
        Assert.That(SubwordSplitAnalysis.Statistics(Subwords).Entities, Is.Null, "no chunk tags, no entity counts");
    }

    [Test]
    public void Shape_mismatch_is_rejected()
    {
        Assert.Throws<ArgumentException>(() => SubwordSplitAnalysis.TokenAccuracy([[1]], Gold, Gold));
    }
}
