using CharBert.Experiments.Ablation;
using CharBert.Experiments.Ablation.Steps;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Experiments.Sweeps;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Sweeps;

public class SweepTests
{
    const string Spec = """
        {
          "name": "tuning", "data_root": ".",
          "models": {
            "bert": { "kind": "bert", "pretrained": "m", "pretrain": true, "nlm": false, "config": { "use_char_channel": false } },
            "charbert": { "kind": "charbert", "pretrained": "m", "pretrain": true, "nlm": true, "config": {} }
          },
          "tasks": { "pos": { "kind": "pos", "name": "brown", "train": "t", "dev": "d", "test": "e", "metric": "accuracy" } },
          "training": { "pretrain_steps": 100, "finetune_epochs": 1, "batch_size": 2, "learning_rate": 0.1, "max_seq_length": 8, "device": "cpu" },
          "attacks": { "seed": 1, "recipes": { "charbert2020": { "recipe": "charbert2020", "types": [], "rates": [1.0] } } },
          "sensitivity": { "layer": -1, "pooling": "first", "channel": "concat" },
          "seeds": [1, 2]
        }
        """;

    /// <summary>Evaluates as if CharBERT lost less the longer it was adapted: 8 of 8 tags right when clean, attacked
    /// BERT 4, CharBERT 4 + steps / 100 (seed 2 one tag less clean for both, so the seeds differ).</summary>
    sealed class FakeEvaluate : ICellStep
    {
        public string Name => "evaluate";

        public void Run(CellContext context, CancellationToken cancellation)
        {
            var steps = context.Spec.Training.PretrainSteps;
            var attackedCorrect = context.Cell.Variant == "bert" ? 4 : 4 + steps / 100;
            var cleanCorrect = context.Cell.Seed == 1 ? 8 : 7;
            var attack = new AttackedTestSet("charbert2020", 1, "attacked.txt");
            foreach (var (set, correct, row) in new[] { ("clean", cleanCorrect, (AttackedTestSet?)null), ("charbert2020-1", attackedCorrect, attack) })
            {
                var folder = Directory.CreateDirectory(Path.Combine(context.RunDir, EvaluateStep.Folder, set)).FullName;
                File.WriteAllLines(Path.Combine(folder, "predictions_e.csv"),
                    new[] { "ExampleId,Position,Input,Gold,Predicted" }.Concat(Enumerable.Range(0, 8).Select(w => $"{w / 4},{w % 4},x,NN,{(w < correct ? "NN" : "VB")}")));
                context.AddResult("accuracy", correct / 8.0, row);
            }
        }
    }

    [Test]
    public void Each_setting_runs_into_its_own_folder_and_the_ratio_is_charted_against_x()
    {
        using var dir = new TempFolder();
        dir.Write("tuning.json", Spec);
        var sweepFile = dir.Write("sweep.json", """
            {
              // two adaptation lengths
              "spec": "tuning.json", "x": "training.pretrain_steps",
              "settings": { "steps-100": { "training": { "pretrain_steps": 100 } }, "steps-300": { "training": { "pretrain_steps": 300 } } }
            }
            """);
        var sweep = SweepSpec.Load(sweepFile);
        var outDir = dir.File("out");
        var rows = SweepRunner.Run(sweep, outDir, [new FakeEvaluate()], "test", TextWriter.Null);

        Assert.That(rows.Select(r => (r.Setting, r.XValue)), Is.EqualTo(new[] { ("steps-100", (double?)100), ("steps-300", 300) }));
        // BERT drops: seed 1 1 - 4/8, seed 2 1 - 4/7; CharBERT at 100 steps: 1 - 5/8, 1 - 5/7
        var bert = (0.5 + (1 - 4.0 / 7)) / 2;
        Assert.That(rows[0].Ratio, Is.EqualTo(((1 - 5.0 / 8) + (1 - 5.0 / 7)) / 2 / bert).Within(1e-12));
        Assert.That(rows[1].Ratio, Is.LessThan(rows[0].Ratio));
        Assert.That(new SummaryStore(Path.Combine(outDir, "steps-300")).ReadAll(), Has.Count.EqualTo(8));
        Assert.That(File.ReadAllText(Path.Combine(outDir, SweepRunner.MarkdownFile)), Does.Contain("| steps-300 | 300 |"));
        Assert.That(File.Exists(Path.Combine(outDir, "ratio-vs-training.pretrain-steps-pos.png")));
        Assert.That(SweepRunner.Run(sweep, outDir, [new ThrowingStep()], "test", TextWriter.Null), Has.Count.EqualTo(2), "finished settings are not run again");
    }

    [Test]
    public void Removals_and_values_outside_the_declared_series_do_not_split_the_line()
    {
        using var dir = new TempFolder();
        dir.Write("tuning.json", Spec);
        var sweepFile = dir.Write("sweep.json", """
            {
              "spec": "tuning.json", "x": "training.pretrain_steps", "series": ["training.learning_rate"],
              "settings": {
                "steps-100": { "training": { "pretrain_steps": 100, "fresh_warmup_steps": 10 }, "models": { "extra": null } },
                "steps-300": { "training": { "pretrain_steps": 300, "fresh_warmup_steps": 30 } },
                "steps-300-fast": { "training": { "pretrain_steps": 300, "learning_rate": 0.5 } }
              }
            }
            """);
        var rows = SweepRunner.Run(SweepSpec.Load(sweepFile), dir.File("out"), [new FakeEvaluate()], "test", TextWriter.Null);

        Assert.That(rows.Select(r => r.Series), Is.EqualTo(new[] { "(spec)", "(spec)", "training.learning_rate=0.5" }));
        var undeclared = SweepSpec.Load(dir.Write("plain.json", """
            { "spec": "tuning.json", "x": "training.pretrain_steps", "settings": { "a": { "training": { "pretrain_steps": 1, "seed": 2 }, "models": { "m": null } } } }
            """));
        Assert.That(SweepSpec.Leaves(undeclared.Settings[0].Patch).Where(undeclared.DefinesSeries).Select(l => l.Path), Is.EqualTo(new[] { "training.seed" }),
            "without a series list every patched value but x and removals tells series apart");
        var bad = Assert.Throws<DataFormatException>(() => SweepSpec.Load(dir.Write("bad.json",
            """{ "spec": "s.json", "x": "x", "settings": { "a": {} }, "series": [1] }""")))!;
        Assert.That(bad.Message, Does.Contain("$.series[0]"));
    }

    [Test]
    public void Interval_bars_reach_each_bound_of_an_asymmetric_interval()
    {
        var plot = new ScottPlot.Plot();
        var bars = CharBert.Experiments.Charts.ChartStyle.IntervalBars(plot, [0, 50], [1.44, 1.2], [1.13, 0.9], [2.02, double.PositiveInfinity], ScottPlot.Colors.Blue);

        Assert.That(bars.YErrorNegative!.Select(v => Math.Round(v, 6)), Is.EqualTo(new[] { 0.31, 0.3 }));
        Assert.That(bars.YErrorPositive!.Select(v => Math.Round(v, 6)), Is.EqualTo(new[] { 0.58, 0 }));
    }

    [TestCase("demo-steps.json")]
    [TestCase("demo-tuning-steps.json")]
    public void Repository_sweeps_resolve_to_valid_specs_that_compare_with_bert(string file)
    {
        var sweep = SweepSpec.Load(Path.Combine(CharBert.TestSupport.SharedPaths.RepoRoot, "experiments", file));
        Assert.That(sweep.X, Is.EqualTo("training.pretrain_steps"));
        foreach (var (name, patch) in sweep.Settings)
        {
            var spec = SpecLoader.Load(sweep.SpecPath, (System.Text.Json.Nodes.JsonObject)patch.DeepClone(), name);
            Assert.That(spec.Models.Keys, Is.SupersetOf(new[] { "bert", "charbert" }), name);
            Assert.That(spec.Tasks["pos-brown"].Test, Is.EqualTo("pos-dev.txt"), $"{name}: settings are chosen on dev, never on the test set");
            if (spec.Models.TryGetValue("charbert-frozen-half", out var frozen))
                Assert.That(2 * frozen.Adaptation!.FrozenSteps, Is.EqualTo(spec.Training.PretrainSteps), $"{name}: frozen for half the adaptation");
        }
        if (file == "demo-steps.json")
            Assert.That(sweep.Settings.Select(s => SpecLoader.Load(sweep.SpecPath, (System.Text.Json.Nodes.JsonObject)s.Patch.DeepClone(), s.Name).Models.Count),
                Is.All.EqualTo(2), "the short sweep runs BERT and the demo's CharBERT only");
    }

    sealed class ThrowingStep : ICellStep
    {
        public string Name => "throws";
        public void Run(CellContext context, CancellationToken cancellation) => throw new InvalidOperationException("ran again");
    }

    [Test]
    public void A_bad_sweep_file_names_the_key()
    {
        using var dir = new TempFolder();
        var missing = Assert.Throws<DataFormatException>(() => SweepSpec.Load(dir.Write("a.json", """{ "spec": "s.json", "x": "training.pretrain_steps" }""")))!;
        Assert.That(missing.Message, Does.Contain("$.settings"));
        var unknown = Assert.Throws<DataFormatException>(() => SweepSpec.Load(dir.Write("b.json",
            """{ "spec": "s.json", "x": "x", "settings": { "a": {} }, "extra": 1 }""")))!;
        Assert.That(unknown.Message, Does.Contain("$.extra"));
        var badName = Assert.Throws<DataFormatException>(() => SweepSpec.Load(dir.Write("c.json",
            """{ "spec": "s.json", "x": "x", "settings": { "a/b": {} } }""")))!;
        Assert.That(badName.Message, Does.Contain("results folder"));
    }
}
