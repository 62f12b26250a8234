using CharBert.Metrics.Sequence;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class SpanMetricsTests
{
    static IReadOnlyList<IReadOnlyList<string>> S(params string[] sentences) =>
        sentences.Select(s => (IReadOnlyList<string>)s.Split(' ')).ToList();

    static List<(string, int, int)> Chunks(string tags, ChunkingMode mode = ChunkingMode.Conlleval) =>
        ChunkExtractor.Extract(tags.Split(' '), mode).Select(c => (c.Type, c.Start, c.End)).ToList();

    [Test]
    public void Seqeval_get_entities_example()
    {
        // seqeval README / test_get_entities: -> [('MISC', 3, 5), ('PER', 7, 8)]
        Assert.That(Chunks("O O O B-MISC I-MISC I-MISC O B-PER I-PER"),
            Is.EqualTo(new[] { ("MISC", 3, 5), ("PER", 7, 8) }));
    }

    [Test]
    public void Iob1_b_only_splits_adjacent_chunks_of_the_same_type()
    {
        // conlleval IOB1: I- after O opens a chunk; B- opens a new one right after a chunk of the same type.
        Assert.That(Chunks("I-PER I-PER B-PER O"), Is.EqualTo(new[] { ("PER", 0, 1), ("PER", 2, 2) }));
        Assert.That(Chunks("O I-LOC I-LOC"), Is.EqualTo(new[] { ("LOC", 1, 2) }));
        // a type change ends a chunk and starts another, with or without B-
        Assert.That(Chunks("I-LOC I-PER"), Is.EqualTo(new[] { ("LOC", 0, 0), ("PER", 1, 1) }));
        Assert.That(Chunks("B-LOC I-PER I-PER"), Is.EqualTo(new[] { ("LOC", 0, 0), ("PER", 1, 2) }));
    }

    [Test]
    public void Iob1_and_iob2_encodings_of_the_same_entities_agree_in_conlleval_mode()
    {
        // IOB1 "I-PER I-PER O I-LOC B-LOC" and IOB2 "B-PER I-PER O B-LOC B-LOC" both read as PER(0,1) LOC(3,3) LOC(4,4)
        var report = SpanMetrics.Evaluate(S("I-PER I-PER O I-LOC B-LOC"), S("B-PER I-PER O B-LOC B-LOC"));
        Assert.That((report.Overall.TruePositives, report.Overall.Gold, report.Overall.Predicted), Is.EqualTo((3, 3, 3)));
        // strict IOB2 reads the IOB1 side as LOC(4,4) only: TP 1 of 1 gold, 3 predicted
        var strict = SpanMetrics.Evaluate(S("I-PER I-PER O I-LOC B-LOC"), S("B-PER I-PER O B-LOC B-LOC"), ChunkingMode.StrictIob2);
        Assert.That((strict.Overall.TruePositives, strict.Overall.Gold, strict.Overall.Predicted), Is.EqualTo((1, 1, 3)));
    }

    [Test]
    public void Strict_iob2_only_starts_at_b_and_drops_orphan_i()
    {
        Assert.That(Chunks("I-NP I-NP O", ChunkingMode.StrictIob2), Is.Empty);
        Assert.That(Chunks("B-LOC I-PER I-PER", ChunkingMode.StrictIob2), Is.EqualTo(new[] { ("LOC", 0, 0) }));
        Assert.That(Chunks("B-PER I-PER B-PER", ChunkingMode.StrictIob2), Is.EqualTo(new[] { ("PER", 0, 1), ("PER", 2, 2) }));
    }

    [Test]
    public void Chunks_end_at_sentence_boundaries()
    {
        var report = SpanMetrics.Evaluate(S("O B-PER", "I-PER O"), S("O B-PER", "I-PER O"));
        // two chunks (one per sentence), not one crossing the boundary
        Assert.That(report.Overall.Gold, Is.EqualTo(2));
    }

    [Test]
    public void Seqeval_readme_example()
    {
        // seqeval README: f1_score = 0.50; MISC P=R=F=0, PER 1.00; micro 0.50, macro 0.50, support 1 each.
        // MISC gold (3,5) vs predicted (2,5): no match. PER (0,1) matches in both.
        var gold = S("O O O B-MISC I-MISC I-MISC O", "B-PER I-PER O");
        var predicted = S("O O B-MISC I-MISC I-MISC I-MISC O", "B-PER I-PER O");
        var report = SpanMetrics.Evaluate(gold, predicted);
        Assert.That(report.Overall.F1, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(report.Overall.Precision, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(report.PerType["MISC"].F1, Is.EqualTo(0));
        Assert.That(report.PerType["PER"].F1, Is.EqualTo(1));
        Assert.That(report.PerType["PER"].Support, Is.EqualTo(1));
        Assert.That(report.MacroF1, Is.EqualTo(0.5).Within(1e-12));
        // seqeval README accuracy_score = 0.80: tags 2 (O vs B-MISC) and 3 (B-MISC vs I-MISC) differ, 8 of 10 equal
        Assert.That(report.TokenAccuracy, Is.EqualTo(0.8).Within(1e-12));
    }

    [Test]
    public void Seqeval_readme_strict_example()
    {
        // seqeval README: default mode NP 1.00 (I-NP I-NP reads as the chunk 0..1), strict IOB2 NP 0.00
        var gold = S("B-NP I-NP O");
        var predicted = S("I-NP I-NP O");
        Assert.That(SpanMetrics.Evaluate(gold, predicted).Overall.F1, Is.EqualTo(1));
        var strict = SpanMetrics.Evaluate(gold, predicted, ChunkingMode.StrictIob2);
        Assert.That(strict.Overall.F1, Is.EqualTo(0));
        Assert.That((strict.Overall.Gold, strict.Overall.Predicted), Is.EqualTo((1, 0)));
    }

    [Test]
    public void Precision_and_recall_differ_when_counts_differ()
    {
        // gold: PER(0,1), LOC(3,3); predicted: PER(0,1), ORG(3,3), MISC(5,5)
        // TP=1, predicted 3, gold 2 -> P=1/3, R=1/2, F1 = 2*(1/6)/(5/6) = 0.4
        var report = SpanMetrics.Evaluate(S("B-PER I-PER O B-LOC O O"), S("B-PER I-PER O B-ORG O B-MISC"));
        Assert.That(report.Overall.Precision, Is.EqualTo(1.0 / 3).Within(1e-12));
        Assert.That(report.Overall.Recall, Is.EqualTo(0.5).Within(1e-12));
        Assert.That(report.Overall.F1, Is.EqualTo(0.4).Within(1e-12));
        Assert.That(report.PerType.Keys, Is.EqualTo(new[] { "LOC", "MISC", "ORG", "PER" }));
    }

    [Test]
    public void Bad_tags_and_shapes_are_rejected_with_position()
    {
        var e = Assert.Throws<ArgumentException>(() => SpanMetrics.Evaluate(S("O PER"), S("O O")));
        Assert.That(e!.Message, Does.Contain("sentence 1, token 2").And.Contain("'PER'"));
        Assert.Throws<ArgumentException>(() => SpanMetrics.Evaluate(S("O O"), S("O")));
    }

    [Test]
    public void Pos_accuracy_counts_tokens()
    {
        Assert.That(SpanMetrics.TokenAccuracy(S("DT NN VBZ", "NN"), S("DT NN NN", "NN")), Is.EqualTo(0.75).Within(1e-12));
    }
}
