using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Reporting;
using CharBert.Experiments.Results;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Findings;

public class RobustnessFindingsTests
{
    /// <summary>Correct tags per sentence (2 sentences of 4 words) for (variant, seed, test set).</summary>
    static readonly Dictionary<(string Variant, int Seed, string Set), int[]> Correct = new()
    {
        [("bert", 1, "clean")] = [4, 4], [("bert", 1, "charbert2020@1")] = [2, 2],     // drop 0.5
        [("bert", 2, "clean")] = [4, 3], [("bert", 2, "charbert2020@1")] = [2, 1],     // drop 1 - 3/7
        [("charbert", 1, "clean")] = [4, 4], [("charbert", 1, "charbert2020@1")] = [3, 3], // drop 0.25
        [("charbert", 2, "clean")] = [4, 4], [("charbert", 2, "charbert2020@1")] = [4, 2], // drop 0.25
    };

    /// <summary>Half the words NN, half JJ: always predicting one label scores 0.5.</summary>
    static string Gold(int word) => word % 2 == 0 ? "NN" : "JJ";

    static void WriteResults(string results)
    {
        var store = new SummaryStore(results);
        foreach (var group in Correct.GroupBy(c => (c.Key.Variant, c.Key.Seed)))
        {
            var rows = new List<ResultRow>();
            foreach (var ((variant, seed, set), correct) in group)
            {
                var folder = Path.Combine(AblationRunner.RunDirOf(results, new CellKey(variant, seed, "pos")), EvaluateStep.Folder, set.Replace('@', '-'));
                Directory.CreateDirectory(folder);
                var lines = new List<string> { "ExampleId,Position,Input,Gold,Predicted" };
                for (var s = 0; s < correct.Length; s++)
                    for (var w = 0; w < 4; w++) lines.Add($"{s},{w},word,{Gold(w)},{(w < correct[s] ? Gold(w) : "XX")}");
                File.WriteAllLines(Path.Combine(folder, "predictions_test.csv"), lines);
                var attacked = set != "clean";
                rows.Add(new ResultRow(variant, seed, "pos", set, attacked ? "charbert2020" : ResultRow.NoAttack, attacked ? 1 : 0, "accuracy", correct.Sum() / 8.0));
            }
            store.AppendCell(new CellKey(group.Key.Variant, group.Key.Seed, "pos"), rows);
        }
    }

    [Test]
    public void Drop_ratio_is_the_ratio_of_mean_relative_drops_with_a_bootstrap_interval_and_the_report_says_what_it_means()
    {
        using var dir = new TempFolder();
        WriteResults(dir.Path);
        var findings = RobustnessFindings.Compute(dir.Path, resamples: 2000);

        var bert = findings.Single(f => f.Variant == "bert");
        var bertDrops = new[] { 0.5, 1 - 3.0 / 7 };
        Assert.That(bert.DropMean, Is.EqualTo(bertDrops.Average()).Within(1e-12));
        Assert.That(bert.DropStd, Is.EqualTo(Math.Abs(bertDrops[0] - bertDrops[1]) / Math.Sqrt(2)).Within(1e-12), "sample std of two values");
        Assert.That(bert.RatioToBaseline, Is.Null, "the baseline has no ratio to itself");
        var charbert = findings.Single(f => f.Variant == "charbert");
        var ratio = charbert.RatioToBaseline!;
        Assert.That(ratio.Ratio, Is.EqualTo(0.25 / bertDrops.Average()).Within(1e-12));
        Assert.That((ratio.Seeds, ratio.Sentences), Is.EqualTo((2, 2)));
        Assert.That(ratio.Lower, Is.LessThanOrEqualTo(ratio.Ratio));
        Assert.That(ratio.Upper, Is.GreaterThanOrEqualTo(ratio.Ratio));
        Assert.That(charbert.AttackedSet, Is.EqualTo("charbert2020@1"));

        RobustnessReport.WriteCsv(dir.Path, findings);
        var csv = File.ReadAllLines(Path.Combine(dir.Path, RobustnessFindings.CsvFile));
        Assert.That(csv[0], Does.StartWith("task,variant,metric,attacked_set,seeds,clean_mean"));
        Assert.That(csv, Has.Length.EqualTo(3));

        var report = File.ReadAllText(MarkdownReport.Write(dir.Path, []));
        Assert.That(report, Does.Contain("## Findings: robustness under charbert2020@1"));
        Assert.That(report, Does.Contain($"is {ratio.Ratio:0.000}x BERT's"));
        Assert.That(report, Does.Contain(ratio.Upper < 1 ? "The paper's direction shows" : "the interval includes 1"));
    }

    [Test]
    public void A_model_no_better_than_the_majority_label_gets_no_conclusion()
    {
        using var dir = new TempFolder();
        WriteResults(dir.Path);
        // charbert seed 1 predicts JJ everywhere on the clean set: 4 of 8 right, the majority-label score
        var folder = Path.Combine(AblationRunner.RunDirOf(dir.Path, new CellKey("charbert", 1, "pos")), EvaluateStep.Folder, "clean");
        var lines = new List<string> { "ExampleId,Position,Input,Gold,Predicted" };
        for (var s = 0; s < 2; s++)
            for (var w = 0; w < 4; w++) lines.Add($"{s},{w},word,{Gold(w)},JJ");
        File.WriteAllLines(Path.Combine(folder, "predictions_test.csv"), lines);
        Assert.That(PredictionScores.MajorityScore(Path.Combine(folder, "predictions_test.csv"), "accuracy"), Is.EqualTo(0.5));

        var findings = RobustnessFindings.Compute(dir.Path, resamples: 200);
        var bert = findings.Single(f => f.Variant == "bert");
        Assert.That((bert.MajorityScore, bert.Learned), Is.EqualTo(((double?)0.5, (bool?)true)));
        // the summary rows say charbert scored 1.0 and 1.0 clean; make its clean mean the majority level, as a collapsed model's is
        var charbert = findings.Single(f => f.Variant == "charbert") with { CleanMean = 0.5 };
        Assert.That(charbert.Learned, Is.False);
        Assert.That(charbert.BaselineLearned, Is.True);
        Assert.That(RobustnessReport.Verdict(charbert), Does.Contain("No conclusion: CharBERT does not beat always predicting the most frequent label"));
        Assert.That(RobustnessReport.Verdict(charbert with { CleanMean = 0.9 }), Does.Not.Contain("No conclusion"));
        Assert.That(RobustnessReport.Verdict(charbert with { CleanMean = 0.9, BaselineLearned = false }), Does.Contain("No conclusion: BERT does not beat"));
    }

    [Test]
    public void Majority_score_of_entity_f1_is_zero_when_the_majority_label_is_outside_every_entity()
    {
        using var dir = new TempFolder();
        var file = Path.Combine(dir.Path, "predictions_test.csv");
        File.WriteAllLines(file, ["ExampleId,Position,Input,Gold,Predicted", "0,0,Paris,B-LOC,B-LOC", "0,1,is,O,O", "0,2,big,O,O"]);
        Assert.That(PredictionScores.MajorityScore(file, "f1"), Is.EqualTo(0.0));
        Assert.That(PredictionScores.MajorityScore(file, "accuracy"), Is.EqualTo(2.0 / 3).Within(1e-12));
    }

    [Test]
    public void Without_predictions_the_ratio_is_left_out_rather_than_guessed()
    {
        using var dir = new TempFolder();
        WriteResults(dir.Path);
        Directory.Delete(Path.Combine(dir.Path, AblationRunner.RunsFolder), recursive: true);
        var charbert = RobustnessFindings.Compute(dir.Path, resamples: 100).Single(f => f.Variant == "charbert");
        Assert.That(charbert.RatioToBaseline, Is.Null);
        Assert.That(charbert.DropMean, Is.EqualTo(0.25).Within(1e-12));
    }
}
