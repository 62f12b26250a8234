using CharBert.Attacks.Adversarial;
using CharBert.Metrics.Squad;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.IO.Squad;
using CharBert.Text.Tasks;
using CharBert.Training.Adversarial;
using CharBert.Training.Evaluation;
using CharBert.Training.Tasks;
using CharBert.Training.Tests.Support;
using CharBert.Training.WordRecognition;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.Adversarial;

/// <summary>A trained ScRNN word recogniser in front of the model during the search (Pruthi et al.'s defended
/// setting), through AdversarialRunner: before any edit the search must score what defended `evaluate` scores.</summary>
public class AdversarialDefenceTests
{
    string _recognizerDirectory = null!;
    TempDirectory _dir = null!;

    /// <summary>A quickly trained, far from perfect recogniser: words it cannot place become the neutral word "a", so
    /// it rewrites many clean words, and a defence applied in the wrong places shows.</summary>
    [OneTimeSetUp]
    public void TrainRecognizer()
    {
        _dir = new TempDirectory();
        _recognizerDirectory = _dir.Combine("scrnn");
        var random = new Random(4);
        var sentences = Enumerable.Range(0, 60).Select(_ => new[] { "what" }
            .Concat(Enumerable.Range(0, random.Next(2, 5)).Select(_ => TinySquadModel.ContentWords[random.Next(TinySquadModel.ContentWords.Length)]))
            .Append("?").ToArray()).ToList();
        var options = new ScrnnTrainingOptions { Epochs = 2, BatchSize = 16, LearningRate = 0.01, HiddenSize = 16, Backoff = UnkBackoff.Neutral, Seed = 5 };
        using var trained = ScrnnTrainer.Train(sentences, options, CPU);
        trained.Save(_recognizerDirectory);
    }

    [OneTimeTearDown]
    public void Clean() => _dir.Dispose();

    [Test]
    public void Squad_search_reports_the_f1_of_the_recognised_attacked_question()
    {
        using var dir = new TempDirectory();
        var squad = TinySquadModel.Create(dir, questions: 3, seed: 3);
        var examples = SquadFile.Load(squad.Input).Examples;

        var (results, summary) = AdversarialRunner.Run(new AdversarialSettings
        {
            ModelDirectory = squad.ModelDirectory, Input = squad.Input, Types = AdversarialQuestionAnsweringTests.Types, WordRecognizer = _recognizerDirectory,
            Search = new GreedySearchOptions(MaxEdits: 1, BatchSize: AdversarialQuestionAnsweringTests.BatchSize),
        });

        Assert.That(summary.Defended && summary.Defence == "scrnn");
        var evaluated = EvaluateRunner.Run(new EvaluateSettings
        {
            ModelDirectory = squad.ModelDirectory, Task = TaskId.Squad, TestFiles = [squad.Input], Output = dir.Combine("eval"), WordRecognizer = _recognizerDirectory,
        });
        Assert.That(summary.MeanQualityAfterEdits[0], Is.EqualTo(evaluated.Single(r => r.Metric == "f1").Value).Within(1e-12));
        using var recognizer = WordRecognizer.Load(_recognizerDirectory);
        var target = TinySquadModel.Target(squad.ModelDirectory, examples.ToDictionary(e => e.Id, e => e.Context));
        foreach (var (example, result) in examples.Zip(results))
        {
            var goal = new QaGoal(example.Answers.Select(a => a.Text).ToArray(), SquadMetrics.QuestionF1);
            var seen = recognizer.Recognize(result.Words.ToArray());
            Assert.That(goal.Quality(target.Score([new AttackInput(example.Id, seen)])[0]), Is.EqualTo(result.QualityAfterEdits[^1]), example.Id);
        }
    }

    /// <summary>Defended evaluation rewrites both segments of a pair, so the search must recognise the fixed one too.</summary>
    [Test]
    public void Pair_classification_search_sees_the_fixed_segment_recognised_as_defended_evaluation_does()
    {
        using var dir = new TempDirectory();
        string[] labels = ["entailment", "not_entailment"];
        var model = TinyRandomModel.Save(dir, TaskHeadKind.SequenceClassification,
            new TaskMetadata(TaskId.Glue("qnli"), labels, TinyRandomModel.MaxSeqLength, LowerCase: false), labels.Length, seed: 6);
        var input = SyntheticTaskFiles.WriteQnli(dir.Combine("dev.tsv"), 16, 7);

        var (results, _) = AdversarialRunner.Run(new AdversarialSettings
        {
            ModelDirectory = model, Input = input, Types = AdversarialQuestionAnsweringTests.Types, WordRecognizer = _recognizerDirectory,
            Search = new GreedySearchOptions(MaxEdits: 1, BatchSize: AdversarialQuestionAnsweringTests.BatchSize),
        });

        var text = TextResources.Load(model, lowerCase: false);
        var task = FineTuneTaskFactory.Create(TaskId.Parse("glue:qnli"), text, TinyRandomModel.MaxSeqLength, labels, lowerCase: false);
        using var recognizer = WordRecognizer.Load(_recognizerDirectory);
        var defended = task.Evaluate(global::CharBert.Modeling.Checkpoints.ModelDirectory.Load(model, CPU),
            task.Load(input, sentences => recognizer.RecognizeSentences(sentences)), CPU, 16).Predictions;
        Assert.That(results.Select(r => r.QualityAfterEdits[0] == 1), Is.EqualTo(defended.Select(p => p.Predicted == p.Gold)),
            "per example, clean correctness in the defended search = defended evaluation");
    }
}
