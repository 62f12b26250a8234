using System.Text.Json.Nodes;
using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Tasks;
using CharBert.Training.Evaluation;
using CharBert.Training.FineTuning;
using CharBert.Training.PreTraining;
using CharBert.Training.Runs;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Ablation;

/// <summary>The robustness baselines in the real grid: AdvBERT (noise-augmented fine-tuning, noised pre-training text)
/// and BERT + WordRec (a ScRNN trained per cell and put in front of the model), beside the plain BERT they extend.</summary>
public class BaselineVariantsTests
{
    static readonly JsonObject NoChar = new() { ["use_char_channel"] = false };

    [Test]
    public void AdvBert_and_BertWordRec_run_every_step_and_a_rerun_reuses_the_trained_recogniser()
    {
        using var dir = new TempFolder();
        var spec = StandardStepsTests.Spec(StandardStepsTests.WriteData(dir)) with
        {
            Models = new Dictionary<string, ModelSpec>
            {
                ["bert"] = new(ModelSpec.Bert, "scratch:tiny", false, false, NoChar),
                ["advbert"] = new(ModelSpec.AdvBert, "scratch:tiny", true, false, NoChar, AugmentProbability: 1.0),
                ["bert+wordrec"] = new(ModelSpec.BertWordRec, "scratch:tiny", false, false, NoChar,
                    WordRecognizer: new WordRecognizerSpec(VocabSize: 50, Epochs: 3)),
            },
        };
        var results = dir.File("results");
        var first = new AblationRunner(spec, results, StandardSteps.Create(), "test").Run();
        Assert.That(first.Ran, Has.Count.EqualTo(6));
        var rows = new SummaryStore(results).ReadAll();
        string RunDir(string variant, string task) => AblationRunner.RunDirOf(results, new CellKey(variant, 1, task));

        foreach (var task in new[] { "pos", "spam" })
        {
            var advFinetune = JsonFiles.Read<FineTuneSettings>(Path.Combine(RunDir("advbert", task), FinetuneStep.Folder, RunFiles.Config));
            Assert.That((advFinetune.AugmentRecipe, advFinetune.AugmentProbability, advFinetune.ModelKind),
                Is.EqualTo((ModelSpec.DefaultAugmentRecipe, 1.0, ModelKind.Bert)), "the spec's probability, the default recipe");
            var steps = (string variant) => JsonFiles.Read<FineTuneResult>(Path.Combine(RunDir(variant, task), FinetuneStep.Folder, RunFiles.Metrics)).TotalSteps;
            Assert.That(steps("advbert"), Is.EqualTo(2 * steps("bert")), $"{task}: every training example also came attacked");
            Assert.That(JsonFiles.Read<FineTuneSettings>(Path.Combine(RunDir("bert", task), FinetuneStep.Folder, RunFiles.Config)).AugmentRecipe, Is.Null);

            var wordRec = rows.Where(r => r.Variant == "bert+wordrec" && r.Task == task).ToList();
            foreach (var testSet in new[] { "clean", "charbert2020@1" })
                Assert.That(wordRec.Single(r => r.TestSet == testSet && r.Metric == MetricNames.WordRecovery).Value, Is.InRange(0.0, 1.0), $"{task} {testSet}");
            Assert.That(wordRec.Single(r => r.Metric == MetricNames.WordRecoveryAttacked).Value, Is.GreaterThan(0),
                $"{task}: the recogniser restores some attacked words (without it none would be)");
            Assert.That(wordRec.Any(r => r.Metric == MetricNames.SensitivityAttacked), $"{task}: sensitivity through the recogniser");
        }
        var pretrain = JsonFiles.Read<PretrainSettings>(Path.Combine(results, "runs", "advbert", "seed-1", "pretrain", RunFiles.Config));
        Assert.That((pretrain.AdvProbability, pretrain.ModelKind), Is.EqualTo((NlmWordNoising.DefaultProbability, ModelKind.Bert)),
            "advbert is pre-trained on noised text");

        // the evaluate step read the attacked set through the recogniser: its number is the recogniser's, not the bare model's
        var posRun = RunDir("bert+wordrec", "pos");
        var recognizer = Path.Combine(posRun, WordRecognizerStep.Folder);
        var attackedSet = Path.Combine(results, AblationRunner.AttacksFolder, "pos", "charbert2020@1");
        var attackedFile = Directory.GetFiles(attackedSet, "*.txt").Single();
        double Accuracy(string? wordRecognizer) => EvaluateRunner.Run(new EvaluateSettings
        {
            ModelDirectory = Path.Combine(posRun, FinetuneStep.Folder, RunFiles.Model), Task = TaskId.Pos, TestFiles = [attackedFile],
            Output = dir.File($"eval-{wordRecognizer is null}"), WordRecognizer = wordRecognizer,
        }).Single(r => r.Metric == "accuracy").Value;
        var summaryAccuracy = rows.Single(r => r.Variant == "bert+wordrec" && r.Task == "pos" && r.TestSet == "charbert2020@1" && r.Metric == "accuracy").Value;
        Assert.That(summaryAccuracy, Is.EqualTo(Accuracy(recognizer)));
        Assert.That(Accuracy(null), Is.Not.EqualTo(summaryAccuracy));

        // redo one cell: the recogniser folder is complete, so it is loaded, not trained again
        var weights = Directory.GetFiles(recognizer).ToDictionary(f => f, File.GetLastWriteTimeUtc);
        var store = new SummaryStore(results);
        var kept = store.ReadAll().Where(r => r.Cell != new CellKey("bert+wordrec", 1, "pos")).ToList();
        TidyCsv.Write<ResultRow, ResultRowMap>(store.SummaryPath, kept);
        var second = new AblationRunner(spec, results, StandardSteps.Create(), "test").Run();
        Assert.That(second.Ran, Is.EqualTo(new[] { new CellKey("bert+wordrec", 1, "pos") }));
        Assert.That(Directory.GetFiles(recognizer).ToDictionary(f => f, File.GetLastWriteTimeUtc), Is.EquivalentTo(weights));
        Assert.That(store.ReadAll().Where(r => r.Cell == new CellKey("bert+wordrec", 1, "pos") && r.Metric.StartsWith(MetricNames.WordRecovery)),
            Is.EquivalentTo(rows.Where(r => r.Cell == new CellKey("bert+wordrec", 1, "pos") && r.Metric.StartsWith(MetricNames.WordRecovery))));
    }
}
