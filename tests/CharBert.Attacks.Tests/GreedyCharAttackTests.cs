using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Recipes;
using CharBert.Metrics.Squad;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class GreedyCharAttackTests
{
    /// <summary>Positive (class 1) with probability 0.9 while the keyword is present, else 0.2. Counts queries.</summary>
    sealed class KeywordClassifier(string keyword) : IAttackTarget
    {
        public long Queries;
        public int Calls;

        public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch)
        {
            Queries += batch.Count;
            Calls++;
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

    /// <summary>Recognises any g…t word of length 4–6 as "great" (a stand-in for a trained word recogniser).
    /// Records the size of every batch it is asked to read.</summary>
    sealed class GreatRecognizer : IWordRecognizer
    {
        public readonly List<int> Calls = [];

        public IReadOnlyList<string[]> Recognize(IReadOnlyList<string[]> sentences)
        {
            Calls.Add(sentences.Count);
            return sentences.Select(s => s.Select(word => word.Length is >= 4 and <= 6 && word[0] == 'g' && word[^1] == 't' ? "great" : word).ToArray()).ToArray();
        }
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
        var model = new KeywordClassifier("great");
        var recognizer = new GreatRecognizer();
        var defended = new GreedyCharAttack(model, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1, BatchSize: 16), recognizer);
        var result = defended.Attack(input, new ClassificationGoal(1));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Rounds));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 1.0 }));
        Assert.That(recognizer.Calls, Has.Count.EqualTo(model.Calls), "the recogniser reads each model batch in one call");
        Assert.That(recognizer.Calls.Sum(), Is.EqualTo(result.Queries));
        Assert.That(recognizer.Calls.Max(), Is.EqualTo(16));
    }

    /// <summary>Reads every sentence as <paramref name="original"/>: undoes any attack completely.</summary>
    sealed class RestoringRecognizer(string[] original) : IWordRecognizer
    {
        public IReadOnlyList<string[]> Recognize(IReadOnlyList<string[]> sentences) => sentences.Select(_ => (string[])original.Clone()).ToArray();
    }

    static readonly string[] FoundedQuestion = ["who", "founded", "the", "abbey", "church"];

    /// <summary>Answers "Quellford Abbey" while "founded" and "church" are intact, "Quellford" when one of them is
    /// changed, and "the river" when both are. Records every question it is asked.</summary>
    sealed class FoundedReader : IAttackTarget
    {
        public readonly List<string[]> Seen = [];

        public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch) => batch.Select(input =>
        {
            Seen.Add(input.Words.ToArray());
            var intact = (input.Words[1] == "founded" ? 1 : 0) + (input.Words[4] == "church" ? 1 : 0);
            return (Prediction)new SpanPrediction(intact switch { 2 => "Quellford Abbey", 1 => "Quellford", _ => "the river" }, 0.5);
        }).ToArray();
    }

    static QaGoal OfficialF1Goal(params string[] gold) => new(gold, SquadMetrics.QuestionF1);

    [Test]
    public void A_defence_that_restores_every_word_leaves_the_search_no_success()
    {
        var input = new AttackInput("qa", FoundedQuestion);
        Assert.That(new GreedyCharAttack(new FoundedReader(), Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 2))
            .Attack(input, OfficialF1Goal("Quellford Abbey")).Stop, Is.EqualTo(SearchStop.Flipped), "undefended, two edits flip it");

        var reader = new FoundedReader();
        var result = new GreedyCharAttack(reader, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 3), new RestoringRecognizer(FoundedQuestion))
            .Attack(input, OfficialF1Goal("Quellford Abbey"));
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Rounds));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 1.0, 1.0, 1.0 }));
        Assert.That(result.Edits, Has.Count.EqualTo(3), "the attacker still edits; the model never sees it");
        Assert.That(reader.Seen, Has.Count.EqualTo(result.Queries).And.All.EqualTo(FoundedQuestion));
    }

    [Test]
    public void Qa_search_scores_every_one_edit_variant_and_finds_the_only_one_that_flips()
    {
        string[] question = ["who", "founded", "Quellford", "abbey"];
        var variants = question.SelectMany((word, i) => Pruthi.AdversarialCandidates(word).Select(c => (Index: i, c.Word))).ToList();
        var (index, flipping) = variants[^1]; // enumerated last: found only by scoring everything
        var reader = new FuncTarget(batch => batch.Select(i => (Prediction)new SpanPrediction(i.Words[index] == flipping ? "the river" : "Quellford Abbey", 0.5)).ToArray());

        var result = new GreedyCharAttack(reader, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1, BatchSize: 7))
            .Attack(new AttackInput("qa", question), OfficialF1Goal("Quellford Abbey"));

        Assert.That(result.Stop, Is.EqualTo(SearchStop.Flipped));
        Assert.That(result.Edits.Single().TokenIndex, Is.EqualTo(index));
        Assert.That(result.Words[index], Is.EqualTo(flipping));
        Assert.That(result.Queries, Is.EqualTo(1 + variants.Count));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 0.0 }));
    }

    [Test]
    public void Qa_search_keeps_the_lowest_f1_edit_and_flips_in_a_later_round()
    {
        var input = new AttackInput("qa", FoundedQuestion);
        var one = new GreedyCharAttack(new FoundedReader(), Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1)).Attack(input, OfficialF1Goal("Quellford Abbey"));
        Assert.That(one.Stop, Is.EqualTo(SearchStop.Rounds));
        Assert.That(one.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 2 / 3.0 }).Within(1e-12), "'Quellford' against 'Quellford Abbey'");

        var two = new GreedyCharAttack(new FoundedReader(), Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 3)).Attack(input, OfficialF1Goal("Quellford Abbey"));
        Assert.That(two.Stop, Is.EqualTo(SearchStop.Flipped));
        Assert.That(two.Edits.Select(e => e.TokenIndex), Is.EquivalentTo(new[] { 1, 4 }));
        Assert.That(two.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 2 / 3.0, 0.0, 0.0 }).Within(1e-12));
    }

    [Test]
    public void Qa_search_on_an_unanswerable_question_succeeds_when_the_model_answers()
    {
        var reader = new FuncTarget(batch => batch.Select(i => (Prediction)new SpanPrediction(i.Words.Contains("founded") ? "" : "Quellford", 0.5)).ToArray());
        var result = new GreedyCharAttack(reader, Pruthi.AdversarialCandidates, new GreedySearchOptions(MaxEdits: 1))
            .Attack(new AttackInput("qa", ["who", "founded", "Mars"]), OfficialF1Goal());
        Assert.That(result.Stop, Is.EqualTo(SearchStop.Flipped));
        Assert.That(result.QualityAfterEdits, Is.EqualTo(new[] { 1.0, 0.0 }), "official F1: 1 while abstaining, 0 once it answers");
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
        var attack = new GreedyCharAttack(tagger, Pruthi.AdversarialCandidates, new GreedySearchOptions(Words: WordGranularity.TokenLevel));
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
