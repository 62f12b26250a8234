using CharBert.Metrics.Squad;
using NUnit.Framework;

namespace CharBert.Metrics.Tests;

public class SquadMetricsTests
{
    [TestCase("The Cat!", "cat")]
    [TestCase("an apple a day", "apple day")]
    [TestCase("  Theatre   of\tthe  absurd ", "theatre of absurd")] // "the" inside "theatre" is not an article
    [TestCase("U.S.-based", "usbased")]
    [TestCase("A", "")]
    [TestCase("ΟΔΟΣ", "οδος")] // Python's lower(): final sigma
    [TestCase("İstanbul", "i\u0307stanbul")] // Python's lower(): İ -> i + combining dot
    [TestCase("The ΟΔΟΣ\u001fA\u2028b", "οδος b")] // Python's split(): U+001F and U+2028 are whitespace
    [TestCase("the\u0301 cat", "\u0301 cat")] // Python's \b: a combining mark is not a word character
    [TestCase("a\u0903 b", "\u0903 b")]
    [TestCase("\u00b2the cat", "\u00b2the cat")] // ... but a superscript digit (No) is
    [TestCase("\u2160the end", "\u2170the end")] // ... and so is a letter number (Nl)
    public void Normalisation_follows_the_official_script(string text, string expected)
    {
        Assert.That(SquadNormalizer.Normalize(text), Is.EqualTo(expected));
    }

    [Test]
    public void F1_is_bag_of_token_overlap()
    {
        // pred tokens [cat, sat], gold [cat, sat, down]: P = 1, R = 2/3 -> F1 = 0.8
        Assert.That(SquadMetrics.F1("the cat sat", "a cat sat down"), Is.EqualTo(0.8).Within(1e-12));
        // each gold token matches once: pred [dog, dog], gold [dog]: common 1, P=1/2, R=1 -> 2/3
        Assert.That(SquadMetrics.F1("dog dog", "dog"), Is.EqualTo(2.0 / 3).Within(1e-12));
        Assert.That(SquadMetrics.F1("cat", "dog"), Is.EqualTo(0));
    }

    [Test]
    public void Question_f1_is_the_best_over_gold_answers_and_the_no_answer_rule_for_unanswerable_questions()
    {
        // pred [cat, sat] vs [cat, sat, down] -> 0.8, vs [dog] -> 0: the best is 0.8
        Assert.That(SquadMetrics.QuestionF1("the cat sat", ["a cat sat down", "dog"]), Is.EqualTo(0.8).Within(1e-12));
        Assert.That(SquadMetrics.QuestionF1("", []), Is.EqualTo(1), "abstaining on an unanswerable question");
        Assert.That(SquadMetrics.QuestionF1("cat", []), Is.EqualTo(0), "answering an unanswerable question");
        Assert.That(SquadMetrics.QuestionF1("", ["cat"]), Is.EqualTo(0));
    }

    [Test]
    public void Best_gold_answer_is_taken_for_each_metric()
    {
        var score = SquadMetrics.Score(new SquadExample("q", ["Denver Broncos", "the Broncos"], "Broncos"));
        Assert.That(score.ExactMatch, Is.EqualTo(1)); // "broncos" == normalise("the Broncos")
        Assert.That(score.F1, Is.EqualTo(1));
        var partial = SquadMetrics.Score(new SquadExample("q", ["Denver Broncos"], "Broncos"));
        Assert.That(partial.ExactMatch, Is.EqualTo(0));
        Assert.That(partial.F1, Is.EqualTo(2.0 / 3).Within(1e-12)); // P=1, R=1/2
    }

    [Test]
    public void No_answer_questions_score_one_only_for_an_empty_prediction()
    {
        var report = SquadMetrics.Evaluate([
            new SquadExample("a", [], ""),            // no-answer, abstained: EM 1, F1 1
            new SquadExample("b", [], "Paris"),       // no-answer, answered: 0, 0
            new SquadExample("c", ["Paris"], ""),     // has answer, abstained: 0, 0
            new SquadExample("d", ["Paris"], "Paris"),// 1, 1
        ]);
        Assert.That(report.ExactMatch, Is.EqualTo(50).Within(1e-9));
        Assert.That(report.F1, Is.EqualTo(50).Within(1e-9));
        Assert.That((report.HasAnswerTotal, report.NoAnswerTotal), Is.EqualTo((2, 2)));
        Assert.That(report.HasAnswerExactMatch, Is.EqualTo(50).Within(1e-9));
        Assert.That(report.NoAnswerF1, Is.EqualTo(50).Within(1e-9));
    }

    [Test]
    public void Squad_1_data_has_no_no_answer_part()
    {
        var report = SquadMetrics.Evaluate([new SquadExample("a", ["x y"], "x")]);
        Assert.That(report.NoAnswerExactMatch, Is.Null);
        Assert.That(report.F1, Is.EqualTo(100 * 2.0 / 3).Within(1e-9));
    }
}
