using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Recipes;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class GreedyCharAttackTests
{
    /// <summary>Positive (class 1) with probability 0.9 while the keyword is present, else 0.2. Counts queries.</summary>
    sealed class KeywordClassifier(string keyword) : IAttackTarget
    {
        public long Queries;

        public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch)
        {
            Queries += batch.Count;
            return batch.Select(input =>
            {
                var positive = input.Words.Any(w => w.Trim('.', ',', '!').Equals(keyword, StringComparison.OrdinalIgnoreCase)) ? 0.9 : 0.2;
                return (Prediction)new ClassPrediction([1 - positive, positive]);
            }).ToArray();
        }
    }

    /// <summary>Always positive: no character edit can flip it.</summary>
    sealed class ConstantClassifier : IAttackTarget
    {
        public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch) =>
            batch.Select(_ => (Prediction)new ClassPrediction([0.3, 0.7])).ToArray();
    }

    /// <summary>Recognises any g…t word of length 4–6 as "great" (a stand-in for a trained word recogniser).</summary>
    sealed class GreatRecognizer : IWordRecognizer
    {
        public string Recognize(string word) =>
            word.Length is >= 4 and <= 6 && word[0] == 'g' && word[^1] == 't' ? "great" : word;
    }

    static readonly AttackInput Review = new("ex1", ["the", "food", "was", "great", "tonight"]);
    static readonly Pruthi2019Recipe Pruthi = new();

    [Test]
    public void Finds_a_one_character_flip_on_the_keyword()
    {
        var model = new KeywordClassifier("great");
        var attack = new GreedyCharAttack(model, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 2, BatchSize: 16));
        var result = attack.Attack(Review, new ClassificationGoal(1));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Flipped));
        Assert.That(result.Edits, Has.Count.EqualTo(1));
        Assert.That(result.Edits[0].TokenIndex, Is.EqualTo(3));
        Assert.That(result.Words[3], Is.Not.EqualTo("great"));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 0.0, 0.0 }));
        Assert.That(result.Queries, Is.EqualTo(model.Queries));
        Assert.That(model.Score([new AttackInput("ex1", result.Words)])[0], Is.InstanceOf<ClassPrediction>()
            .With.Property(nameof(ClassPrediction.Probabilities)).EqualTo(new[] { 0.8, 0.2 }).Within(1e-12));
    }

    [Test]
    public void Reports_no_flip_where_none_exists_after_k_rounds()
    {
        var attack = new GreedyCharAttack(new ConstantClassifier(), Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 2));
        var result = attack.Attack(Review, new ClassificationGoal(1));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Rounds));
        Assert.That(result.Edits.Select(e => e.TokenIndex).Distinct().Count(), Is.EqualTo(2), "a word is never attacked twice");
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 1.0, 1.0 }));
    }

    [Test]
    public void The_word_recogniser_defence_blocks_the_flips_it_can_undo()
    {
        AttackInput input = new("ex2", ["great", "soup"]);
        var undefended = new GreedyCharAttack(new KeywordClassifier("great"), Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1));
        Assert.That(undefended.Attack(input, new ClassificationGoal(1)).Stop, Is.EqualTo(SearchStop.Flipped));

        // Every interior edit of "great" keeps g…t and a length of 4-6, so the recogniser restores it.
        var defended = new GreedyCharAttack(new KeywordClassifier("great"), Pruthi.AdversarialCandidates,
            new GreedySearchOptions(MaxEdits: 1), new GreatRecognizer());
        var result = defended.Attack(input, new ClassificationGoal(1));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Rounds));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 1.0 }));
    }

    [Test]
    public void Query_budget_stops_the_search()
    {
        var attack = new GreedyCharAttack(new ConstantClassifier(), Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 3, BatchSize: 8, QueryBudget: 20));
        var result = attack.Attack(Review, new ClassificationGoal(1));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.QueryBudget));
        Assert.That(result.Queries, Is.LessThanOrEqualTo(20));

        var timed = new GreedyCharAttack(new ConstantClassifier(), Pruthi.AdversarialCandidates,
            new GreedySearchOptions(MaxEdits: 3, TimeLimitPerExample: TimeSpan.Zero)).Attack(Review, new ClassificationGoal(1));
        Assert.That(timed.Stop, Is.EqualTo(SearchStop.TimeLimit));
        Assert.That(timed.Queries, Is.EqualTo(1), "only the unattacked input was scored");
    }

    [Test]
    public void Token_classification_goal_flips_an_entity_label()
    {
        var tagger = new FuncTarget(batch => batch.Select(i =>
            (Prediction)new TokenLabelsPrediction(i.Words.Select(w => w == "Lindenfeld" ? "B-LOC" : "O").ToArray())).ToArray());
        var attack = new GreedyCharAttack(tagger, Pruthi.AdversarialCandidates, new GreedySearchOptions(Task: TaskKind.TokenLevel));
        var result = attack.Attack(new AttackInput("n1", ["visit", "Lindenfeld", "today"]), new TokenClassificationGoal(["O", "B-LOC", "O"]));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Flipped));
        Assert.That(result.Edits.Single().TokenIndex, Is.EqualTo(1));
    }

    [Test]
    public void Qa_goal_drives_the_answer_f1_down()
    {
        // Answers with the word after "founded" when the question mentions "founded", else with nothing.
        var reader = new FuncTarget(batch => batch.Select(i =>
            (Prediction)new SpanPrediction(i.Words.Contains("founded") ? "Quellford" : "", 0.5)).ToArray());
        static double ExactF1(string predicted, IReadOnlyList<string> gold) => gold.Contains(predicted) ? 1 : 0;
        var attack = new GreedyCharAttack(reader, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1));
        var result = attack.Attack(new AttackInput("qa1", ["who", "founded", "it"]), new QaGoal(["Quellford"], ExactF1));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Flipped));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 0.0 }));
        Assert.That(result.Edits.Single().Original, Is.EqualTo("founded"));
    }

    [Test]
    public void Summary_reports_accuracy_after_each_edit_count()
    {
        var model = new KeywordClassifier("great");
        var attack = new GreedyCharAttack(model, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1));
        var results = new[]
        {
            attack.Attack(Review, new ClassificationGoal(1)),
            attack.Attack(new AttackInput("ex3", ["fine", "evening"]), new ClassificationGoal(0)),
            attack.Attack(new AttackInput("ex4", ["fine", "evening"]), new ClassificationGoal(1)),
        };
        var summary = AdversarialSummary.Of(results);
        Assert.That(summary.MeanQualityAfterEdits, Is.EqualTo(new[] { 2 / 3.0, 1 / 3.0 }).Within(1e-12));
        Assert.That(summary.Flipped, Is.EqualTo(1));
        Assert.That(summary.TotalQueries, Is.EqualTo(model.Queries));
    }

    sealed class FuncTarget(Func<IReadOnlyList<AttackInput>, IReadOnlyList<Prediction>> score) : IAttackTarget
    {
        public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch) => score(batch);
    }
}
