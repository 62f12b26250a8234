using CharBert.Experiments.Ablation;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;
using CharBert.Training.Runs;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Ablation;

public class AblationRunnerTests
{
    const string Spec = """
        {
          "name": "grid", "data_root": ".",
          "models": {
            "charbert": { "kind": "charbert", "pretrained": "m", "pretrain": true, "nlm": true, "config": {} },
            "bert": { "kind": "bert", "pretrained": "m", "pretrain": false, "nlm": false, "config": { "use_char_channel": false } }
          },
          "tasks": {
            "ner": { "kind": "ner", "name": "conll", "train": "t", "dev": "d", "test": "e", "metric": "f1" },
            "qnli": { "kind": "glue", "name": "qnli", "train": "t", "dev": "d", "test": "e", "metric": "accuracy" }
          },
          "training": { "pretrain_steps": 1, "finetune_epochs": 1, "batch_size": 2, "learning_rate": 0.1, "max_seq_length": 8, "device": "cpu" },
          "attacks": { "seed": 1, "recipes": { "drop": { "recipe": "rate", "types": ["drop"], "rates": [0.3] } } },
          "sensitivity": { "layer": -1, "pooling": "first", "channel": "concat" },
          "seeds": [1, 2]
        }
        """;

    static readonly string[] StepNames = ["pretrain", "finetune", "attack", "evaluate", "sensitivity"];

    static List<ICellStep> Steps(List<string> journal, Func<CellContext, bool>? dieAt = null) =>
        StepNames.Select(n => (ICellStep)new FakeStep(n, journal, n == "evaluate" ? dieAt : null,
            n == "evaluate" ? FakeResults.Produce : null)).ToList();

    [Test]
    public void Runs_every_cell_through_every_step_and_writes_both_csvs()
    {
        using var dir = new TempFolder();
        var spec = SpecLoader.Load(dir.Write("grid.json", Spec));
        var journal = new List<string>();
        var results = dir.File("results");
        var summary = new AblationRunner(spec, results, Steps(journal), "charbert ablate --spec grid.json").Run();

        Assert.That(summary.Ran, Has.Count.EqualTo(8)); // 2 variants x 2 seeds x 2 tasks
        Assert.That(journal, Has.Count.EqualTo(8 * StepNames.Length));
        Assert.That(journal.Take(5), Is.EqualTo(StepNames.Select(s => $"charbert/seed-1/ner:{s}")), "steps run in order");
        var store = new SummaryStore(results);
        Assert.That(store.ReadAll(), Has.Count.EqualTo(16));
        Assert.That(store.ReadMeanStd(), Has.Count.EqualTo(8)); // 2 variants x 2 tasks x 2 test sets
        var runDir = AblationRunner.RunDirOf(results, new CellKey("bert", 2, "qnli"));
        Assert.That(File.Exists(Path.Combine(runDir, "sensitivity.done")));
        var env = EnvironmentRecord.Load(Path.Combine(runDir, CellEnvironment.FileName));
        Assert.That(env.Seed, Is.EqualTo(2));
        Assert.That(env.Command, Is.EqualTo("charbert ablate --spec grid.json"));
        Assert.That(env.Libraries.Keys, Is.EquivalentTo(new[] { "CsvHelper", "ScottPlot" }), "the experiment libraries join the training record's fields");
        Assert.That(env.TorchSharpVersion, Does.StartWith("0."));
        Assert.That(File.Exists(Path.Combine(results, AblationRunner.ResolvedSpecFile)));
    }

    [Test]
    public void A_run_killed_mid_grid_resumes_without_redoing_finished_cells()
    {
        using var dir = new TempFolder();
        var spec = SpecLoader.Load(dir.Write("grid.json", Spec));
        var results = dir.File("results");
        var firstJournal = new List<string>();
        var killCell = new CellKey("charbert", 2, "ner"); // 3rd of 8 cells
        var dying = new AblationRunner(spec, results, Steps(firstJournal, c => c.Cell.Key == killCell), "first");
        Assert.Throws<SimulatedKillException>(() => dying.Run());

        var store = new SummaryStore(results);
        Assert.That(store.FinishedCells(), Is.EquivalentTo(new[] { new CellKey("charbert", 1, "ner"), new CellKey("charbert", 1, "qnli") }));
        Assert.That(firstJournal, Does.Contain($"{killCell}:finetune"), "the killed cell had started");

        var secondJournal = new List<string>();
        var resumed = new AblationRunner(spec, results, Steps(secondJournal), "second").Run();
        Assert.That(resumed.Skipped, Is.EqualTo(new[] { new CellKey("charbert", 1, "ner"), new CellKey("charbert", 1, "qnli") }));
        Assert.That(resumed.Ran, Has.Count.EqualTo(6));
        Assert.That(resumed.Ran[0], Is.EqualTo(killCell), "the interrupted cell is redone first");
        Assert.That(secondJournal.Where(j => j.StartsWith("charbert/seed-1/")), Is.Empty, "finished cells are not redone");
        Assert.That(store.ReadAll(), Has.Count.EqualTo(16), "every cell once, none duplicated");
        Assert.That(store.ReadAll().Count(r => r.Cell == killCell), Is.EqualTo(2));
    }

    [Test]
    public void Cancellation_stops_between_steps_and_keeps_finished_cells()
    {
        using var dir = new TempFolder();
        var spec = SpecLoader.Load(dir.Write("grid.json", Spec));
        var results = dir.File("results");
        using var cts = new CancellationTokenSource();
        var journal = new List<string>();
        var steps = Steps(journal);
        steps.Add(new FakeStep("stop-after-first-cell", journal, produce: _ => cts.Cancel()));
        Assert.Throws<OperationCanceledException>(() => new AblationRunner(spec, results, steps, "x").Run(cts.Token));
        Assert.That(new SummaryStore(results).FinishedCells(), Has.Count.EqualTo(1));
    }

    [Test]
    public void A_cell_whose_steps_produce_no_numbers_is_an_error()
    {
        using var dir = new TempFolder();
        var spec = SpecLoader.Load(dir.Write("grid.json", Spec));
        var silent = StepNames.Select(n => (ICellStep)new FakeStep(n, [])).ToList();
        Assert.That(() => new AblationRunner(spec, dir.File("results"), silent, "x").Run(),
            Throws.ArgumentException.With.Message.Contains("no result rows"));
    }
}
