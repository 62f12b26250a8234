using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Ablation;

/// <summary>The real pipeline (pre-train → fine-tune → attack → evaluate → sensitivity) on a tiny synthetic study:
/// every step runs against the training, attack and metric libraries, and a second run resumes without redoing.</summary>
public class StandardStepsTests
{
    static readonly string[] Nouns = ["table", "garden", "window", "market", "river", "teacher", "bottle", "station"];
    static readonly string[] Verbs = ["opens", "watches", "carries", "follows", "paints", "cleans"];

    internal static string WriteData(TempFolder dir)
    {
        var rng = new Random(7);
        var pos = new System.Text.StringBuilder();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 48; i++)
        {
            string n1 = Nouns[rng.Next(Nouns.Length)], v = Verbs[rng.Next(Verbs.Length)], n2 = Nouns[rng.Next(Nouns.Length)];
            pos.Append($"the DT\n{n1} NN\n{v} VBZ\nthe DT\n{n2} NN\n\n");
            text.Append($"the {n1} {v} the {n2} .\n");
        }
        var tsv = new System.Text.StringBuilder("sentence\tlabel\n");
        for (var i = 0; i < 48; i++)
            tsv.Append(i % 2 == 0 ? $"the {Nouns[i % Nouns.Length]} is lovely\t1\n" : $"the {Nouns[i % Nouns.Length]} is awful\t0\n");
        foreach (var split in new[] { "train", "dev", "test" })
        {
            dir.Write($"data/pos-{split}.txt", pos.ToString());
            dir.Write($"data/spam-{split}.tsv", tsv.ToString());
        }
        dir.Write("data/pretrain.txt", text.ToString());
        var corpus = File.ReadAllLines(dir.File("data/pretrain.txt")).Concat(tsv.ToString().Split('\n')).ToList();
        Directory.CreateDirectory(dir.File("data/vocab"));
        WordPieceVocabularyTrainer.TrainToFile(corpus, new WordPieceTrainerOptions { VocabSize = 200, LowerCase = false }, dir.File("data/vocab/vocab.txt"));
        CharVocabulary.Build(corpus, 200).Save(dir.File("data/vocab/bert_char_vocab"));
        TermVocabulary.Build(corpus, 50).Save(dir.File("data/vocab/term_vocab"));
        return dir.File("data");
    }

    internal static ExperimentSpec Spec(string dataRoot) => new(
        "synthetic", dataRoot,
        new Dictionary<string, ModelSpec>
        {
            ["charbert"] = new("charbert", "scratch:tiny", true, true, new JsonObject { ["use_char_channel"] = true }),
            ["bert"] = new("bert", "scratch:tiny", true, false, new JsonObject { ["use_char_channel"] = false }),
        },
        new Dictionary<string, TaskEntry>
        {
            ["pos"] = new("pos", "synthetic", "pos-train.txt", "pos-dev.txt", "pos-test.txt", "accuracy"),
            ["spam"] = new("glue", "sst-2", "spam-train.tsv", "spam-dev.tsv", "spam-test.tsv", "accuracy"),
        },
        new TrainingSpec(PretrainSteps: 3, FinetuneEpochs: 1, BatchSize: 8, LearningRate: 1e-3, MaxSeqLength: 16, Device: "cpu",
            PretrainCorpus: "pretrain.txt"),
        new AttackSpec(new Dictionary<string, AttackRecipeSpec> { ["charbert2020"] = new("charbert2020", [], [1.0]) }, 42),
        new SensitivitySpec(-1, "first", "concat"),
        [1],
        Vocab: "vocab");

    [Test]
    public void Runs_every_step_for_every_cell_and_resumes_without_redoing()
    {
        using var dir = new TempFolder();
        var spec = Spec(WriteData(dir));
        var results = dir.File("results");

        var first = new AblationRunner(spec, results, StandardSteps.Create(), "test").Run();
        Assert.That(first.Ran, Has.Count.EqualTo(4));

        var rows = new SummaryStore(results).ReadAll();
        foreach (var variant in new[] { "charbert", "bert" })
            foreach (var task in new[] { "pos", "spam" })
            {
                var cell = rows.Where(r => r.Variant == variant && r.Task == task).ToList();
                Assert.That(cell.Any(r => r.TestSet == "clean" && r.Metric == "accuracy"), $"{variant}/{task} clean accuracy");
                Assert.That(cell.Any(r => r.TestSet == "charbert2020@1" && r.Metric == "accuracy"), $"{variant}/{task} attacked accuracy");
                var s = cell.Single(r => r.Metric == MetricNames.SensitivityAttacked).Value;
                Assert.That(s, Is.GreaterThan(0).And.LessThanOrEqualTo(2), $"{variant}/{task} sensitivity");
            }
        Assert.That(rows.Any(r => r.Task == "pos" && r.TestSet == "clean" && r.Metric == "accuracy" + MetricNames.WordSuffix),
            "token tasks report the metric on words the tokenizer keeps whole");
        Assert.That(Directory.GetFiles(Path.Combine(results, AblationRunner.AttacksFolder), "*.manifest.json", SearchOption.AllDirectories),
            Has.Length.EqualTo(2), "attacked sets are made once per task and shared by the variants");
        Assert.That(File.Exists(Path.Combine(results, "runs", "charbert", "seed-1", "pretrain", "model", "model.safetensors")));
        var testWords = File.ReadLines(Path.Combine(spec.DataRoot, "pos-test.txt")).Count(l => l.Trim().Length > 0);
        var split = SubwordSplitTable.Read(results);
        Assert.That(split.Select(r => (r.Task, r.Variant, r.Words)), Is.EquivalentTo(new[] { ("pos", "bert", testWords), ("pos", "charbert", testWords) }),
            "the token task's split statistics, one row per variant (the sentence task has none)");
        Assert.That(split.All(r => r.Entities is null && r.SplitWordShare == (double)r.SplitWords / r.Words), "POS has no entities");

        var second = new AblationRunner(spec, results, StandardSteps.Create(), "test").Run();
        Assert.That(second.Ran, Is.Empty);
        Assert.That(second.Skipped, Has.Count.EqualTo(4));
    }
}
