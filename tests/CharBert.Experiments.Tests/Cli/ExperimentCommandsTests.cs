using CharBert.Cli;
using CharBert.Experiments.Results;
using CharBert.TestSupport;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>The verbs end to end through the real command tree and <see cref="CliRunner"/> (exit codes, messages).</summary>
[NonParallelizable]
public class ExperimentCommandsTests
{
    static (int Exit, string Out, string Err) Run(params string[] args) => CliHarness.Run(args);

    [Test]
    public void Plot_then_report_write_charts_and_markdown()
    {
        using var dir = new TempFolder();
        SyntheticResults.Write(dir.Path);
        var plot = Run("plot", "--results", dir.Path);
        Assert.That(plot.Exit, Is.EqualTo(0), plot.Err);
        Assert.That(plot.Out, Does.Contain("chart(s) written"));
        Assert.That(Directory.GetFiles(Path.Combine(dir.Path, "charts"), "*.png"), Is.Not.Empty);
        var report = Run("report", "--results", dir.Path);
        Assert.That(report.Exit, Is.EqualTo(0), report.Err);
        Assert.That(File.ReadAllText(Path.Combine(dir.Path, "report.md")), Does.Contain("## ner: f1"));
    }

    [Test]
    public void Report_on_a_missing_folder_is_one_line_and_exit_2()
    {
        var result = Run("report", "--results", "/nonexistent/results");
        Assert.That(result.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(result.Err.Trim(), Does.StartWith("error:").And.Contain("/nonexistent/results").And.Not.Contain("\n"));
    }

    [Test]
    public void Ablate_dry_run_lists_the_grid_and_finished_cells()
    {
        using var dir = new TempFolder();
        var spec = Path.Combine(SharedPaths.RepoRoot, "experiments", "demo-scratch.json");
        new SummaryStore(dir.Path).AppendCell(new CellKey("charbert", 1, "spam"),
            [new ResultRow("charbert", 1, "spam", "clean", ResultRow.NoAttack, 0, "accuracy", 0.5)]);
        var result = Run("ablate", "--spec", spec, "--out", dir.Path, "--dry-run");
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(result.Out, Does.Contain("= 4 cell(s)").And.Contain("done    charbert/seed-1/spam").And.Contain("pending bert/seed-1/pos-brown"));
    }

    [Test]
    public void Ablate_with_an_unfinished_spec_names_file_and_key()
    {
        var result = Run("ablate", "--spec", Path.Combine(SharedPaths.RepoRoot, "experiments", "base.json"), "--dry-run");
        Assert.That(result.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(result.Err, Does.Contain("base.json").And.Contain("$.name").And.Contain("must be supplied"));
    }

    [Test]
    public void Demo_data_only_writes_the_sampled_data_and_trains_nothing()
    {
        var cache = CharBert.Text.Corpora.CorpusCache.Default();
        foreach (var name in new[] { "brown", "sotu", "spam-assassin" })
            if (!cache.IsComplete(CharBert.Text.Corpora.CorpusCatalog.ByName(name)))
                Assert.Ignore($"{name} is not in the corpus cache {cache.Root} (no download in tests); `charbert data get {name}` enables this test");
        using var dir = new TempFolder();
        var result = Run("demo", "--data-only", "--scale", "0.25", "--out", dir.Path, "--quiet");
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        var data = Path.Combine(dir.Path, "data");
        Assert.That(result.Out, Does.Contain($"data:     {data}"));
        Assert.That(Directory.GetFiles(data).Select(Path.GetFileName), Is.EquivalentTo(new[]
            { "pretrain.txt", "pos-train.txt", "pos-dev.txt", "pos-test.txt", "spam-train.tsv", "spam-dev.tsv", "spam-test.tsv" }));
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "data" }), "no study was run");
    }
}
