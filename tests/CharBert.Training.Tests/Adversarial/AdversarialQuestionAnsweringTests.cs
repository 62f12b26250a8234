using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Metrics.Squad;
using CharBert.Text.IO.Squad;
using CharBert.Text.Tasks;
using CharBert.Training.Adversarial;
using CharBert.Training.Evaluation;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests.Adversarial;

/// <summary>The greedy search against a real (tiny, randomly initialised) QA model through AdversarialRunner, checked
/// against an exhaustive enumeration of the one-edit candidates made here with the same target.</summary>
public class AdversarialQuestionAnsweringTests
{
    internal const int BatchSize = 16;
    /// <summary>The cheap edit types (no "add", which makes 26 variants per position) keep the model queries few.</summary>
    internal static readonly PerturbationType[] Types = [PerturbationType.Drop, PerturbationType.Swap, PerturbationType.Keyboard];
    static readonly Pruthi2019Recipe Pruthi = new(types: Types);

    [Test]
    public void The_search_flips_an_answer_after_one_edit_exactly_where_some_one_edit_question_does()
    {
        using var dir = new TempDirectory();
        var squad = TinySquadModel.Create(dir, questions: 6, seed: 3);
        var examples = SquadFile.Load(squad.Input).Examples;
        var target = TinySquadModel.Target(squad.ModelDirectory, examples.ToDictionary(e => e.Id, e => e.Context));

        var (results, summary) = AdversarialRunner.Run(new AdversarialSettings
        {
            ModelDirectory = squad.ModelDirectory, Input = squad.Input, Task = TaskId.Squad, Types = Types,
            Search = new GreedySearchOptions(MaxEdits: 2, BatchSize: BatchSize),
        });

        var evaluated = EvaluateRunner.Run(new EvaluateSettings { ModelDirectory = squad.ModelDirectory, Task = TaskId.Squad, TestFiles = [squad.Input], Output = dir.Combine("eval") });
        Assert.That(summary.QualityMetric, Is.EqualTo(AdversarialSummary.F1));
        Assert.That(summary.MeanQualityAfterEdits[0], Is.EqualTo(evaluated.Single(r => r.Metric == "f1").Value).Within(1e-12),
            "the target featurises and decodes as `evaluate` does");
        Assert.That(summary.MeanQualityAfterEdits, Is.Ordered.Descending);
        Assert.That(summary.TotalQueries, Is.EqualTo(results.Sum(r => r.Queries)));

        var flippedByOneEdit = 0;
        foreach (var (example, result) in examples.Zip(results))
        {
            var goal = new QaGoal(example.Answers.Select(a => a.Text).ToArray(), SquadMetrics.QuestionF1);
            var question = example.Question.Split(' ');
            Assert.That(result.QualityAfterEdits, Is.Ordered.Descending, example.Id);
            AssertEditsLogged(question, result);
            var final = target.Score([new AttackInput(example.Id, result.Words)])[0];
            Assert.That(goal.Quality(final), Is.EqualTo(result.QualityAfterEdits[^1]), $"{example.Id}: re-scoring the attacked question");

            var round1 = Exhaustive(target, goal, example.Id, question, attacked: -1);
            Assert.That(result.Stop == SearchStop.Flipped && result.Edits.Count == 1, Is.EqualTo(round1.FirstFlip != null),
                $"{example.Id}: a one-edit flip exists iff the search stops after one edit");
            if (round1.FirstFlip != null) flippedByOneEdit++;
            Assert.That(result.Queries, Is.EqualTo(ExpectedQueries(target, goal, example.Id, question, result, round1)), $"{example.Id}: queries");
        }
        Assert.That(flippedByOneEdit, Is.GreaterThan(0), "the check above needs a question some one edit does flip");
        TestContext.Out.WriteLine($"F1 after 0..2 edits: {string.Join(", ", summary.MeanQualityAfterEdits)}; {flippedByOneEdit} of {results.Count} flipped by one edit; {summary.TotalQueries} queries");
    }

    /// <summary>Every edit names an original question word once, and the attacked words differ exactly there.</summary>
    static void AssertEditsLogged(string[] question, AdversarialResult result)
    {
        Assert.That(result.Edits.Select(e => e.TokenIndex), Is.Unique);
        foreach (var edit in result.Edits)
        {
            Assert.That(edit.Original, Is.EqualTo(question[edit.TokenIndex]));
            Assert.That(edit.Attacked, Is.EqualTo(result.Words[edit.TokenIndex]).And.Not.EqualTo(edit.Original));
        }
        var changed = Enumerable.Range(0, question.Length).Where(i => question[i] != result.Words[i]);
        Assert.That(changed, Is.EquivalentTo(result.Edits.Select(e => e.TokenIndex)));
    }

    /// <summary>Scores every one-edit variant (words other than <paramref name="attacked"/>, in word then candidate
    /// order); returns how many there are and the position of the first that succeeds.</summary>
    static (int Count, int? FirstFlip) Exhaustive(IAttackTarget target, IAttackGoal goal, string id, string[] words, int attacked)
    {
        var variants = words.SelectMany((word, i) => i == attacked ? [] : Pruthi.AdversarialCandidates(word).Select(c =>
        {
            var variant = (string[])words.Clone();
            variant[i] = c.Word;
            return variant;
        })).ToList();
        var predictions = target.Score(variants.Select(v => new AttackInput(id, v)).ToArray());
        var first = Enumerable.Range(0, variants.Count).Where(i => goal.IsSuccess(predictions[i])).Cast<int?>().FirstOrDefault();
        return (variants.Count, first);
    }

    /// <summary>1 for the clean question, then per round the candidates scored: all of them, or up to the end of the
    /// batch holding the first success.</summary>
    static long ExpectedQueries(IAttackTarget target, IAttackGoal goal, string id, string[] question, AdversarialResult result, (int Count, int? FirstFlip) round1)
    {
        static int Scored((int Count, int? FirstFlip) round) =>
            round.FirstFlip is { } p ? Math.Min(round.Count, (p / BatchSize + 1) * BatchSize) : round.Count;
        if (round1.FirstFlip != null || result.Edits.Count == 0) return 1 + Scored(round1);
        var afterOne = (string[])question.Clone();
        afterOne[result.Edits[0].TokenIndex] = result.Edits[0].Attacked;
        return 1 + Scored(round1) + Scored(Exhaustive(target, goal, id, afterOne, result.Edits[0].TokenIndex));
    }
}
