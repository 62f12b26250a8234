using CharBert.Experiments.Demo;
using CharBert.Experiments.Findings;
using CharBert.Experiments.Results;
using CharBert.Experiments.Sweeps;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Demo;

public class DemoTuningEvidenceTests
{
    [Test]
    public void The_report_quotes_the_sweep_and_the_variants_found_beside_the_demo()
    {
        using var dir = new TempFolder();
        var demo = Directory.CreateDirectory(Path.Combine(dir.Path, "demo")).FullName;
        var steps = Directory.CreateDirectory(Path.Combine(dir.Path, DemoTuningEvidence.StepsFolder)).FullName;
        TidyCsv.Write<SweepRow, SweepRowMap>(Path.Combine(steps, SweepRunner.CsvFile),
        [
            new SweepRow("steps-100", "(spec)", "100", 100, "pos-brown", 3, 0.33, 0.17, 0.45, 0.25, 1.456, 1.189, 1.905),
            new SweepRow("steps-0", "(spec)", "0", 0, "pos-brown", 3, 0.32, 0.17, 0.48, 0.25, 1.439, 1.13, double.PositiveInfinity),
        ]);
        File.WriteAllBytes(Path.Combine(steps, "ratio-vs-training.pretrain-steps-pos-brown.png"), [0]);
        var variants = Directory.CreateDirectory(Path.Combine(dir.Path, DemoTuningEvidence.VariantsFolder)).FullName;
        TidyCsv.Write<RobustnessRow, RobustnessRowMap>(Path.Combine(variants, RobustnessFindings.CsvFile),
        [
            new RobustnessRow("pos-brown", "bert", "accuracy", "charbert2020@1", 3, 0.31, 0.03, 0.26, 0.03, 0.186, 0.04, null, null, null, null, 101, null, 0.14, true),
            new RobustnessRow("pos-brown", "charbert-nlm30", "accuracy", "charbert2020@1", 3, 0.466, 0.01, 0.352, 0.02, 0.245, 0.02, 1.316, 0.982, 1.849, 0.033, 101, 10000, 0.14, true),
        ]);

        var md = DemoTuningEvidence.ToMarkdown(demo);

        Assert.That(md, Does.Contain("| 0 | 3 | 0.320 | 17.0 % | 0.480 | 25.0 % | 1.439 [1.130, ∞] |"));
        Assert.That(md.IndexOf("| 0 | 3 |", StringComparison.Ordinal), Is.LessThan(md.IndexOf("| 100 | 3 |", StringComparison.Ordinal)), "ordered by steps");
        Assert.That(md, Does.Contain("](../demo-steps/ratio-vs-training.pretrain-steps-pos-brown.png)"));
        Assert.That(md, Does.Contain("| charbert-nlm30 | 3 | 0.466 | 24.5 % | 1.316 [0.982, 1.849] |"));
        Assert.That(md, Does.Not.Contain("| bert |"), "BERT is the baseline, not a row of its own");
    }

    [Test]
    public void Without_those_runs_the_report_says_how_to_make_them()
    {
        using var dir = new TempFolder();
        var md = DemoTuningEvidence.ToMarkdown(Directory.CreateDirectory(Path.Combine(dir.Path, "demo")).FullName);
        Assert.That(md, Does.Contain("charbert sweep --sweep experiments/demo-steps.json").And.Contain("charbert ablate --spec experiments/demo-tuning.json"));
    }
}
