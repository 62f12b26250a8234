using System.Text.Json;
using CharBert.Cli;
using CharBert.Experiments.Tests.Sensitivity;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert attack adversarial` on a (tiny, random) SQuAD model directory through the real command tree.</summary>
[NonParallelizable]
public class AdversarialAttackCommandTests
{
    static string WriteSquad(TempFolder dir) => dir.Write("dev.json", JsonSerializer.Serialize(new
    {
        version = "1.1",
        data = new[]
        {
            new
            {
                title = "t",
                paragraphs = new[]
                {
                    new { context = "i think this movie was great fun", qas = new[] { new { id = "a", question = "this movie was great ?", answers = new[] { new { text = "movie", answer_start = 13 } } } } },
                    new { context = "the cat sat on the mat", qas = new[] { new { id = "b", question = "think the cat sat ?", answers = new[] { new { text = "mat", answer_start = 19 } } } } },
                },
            },
        },
    }));

    [Test]
    public void Squad_search_prints_f1_per_edit_count_and_writes_summary_and_results_within_the_query_budget()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.CreateSquad(dir.File("model"));
        var result = CliHarness.Run("attack", "adversarial", "--task", "squad", "--input", WriteSquad(dir), "--model", model,
            "--max-edits", "2", "--types", "drop,swap,keyboard", "--query-budget", "12", "--out", dir.File("out"));

        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(result.Out, Does.Contain("F1 after 0 edit(s): ").And.Contain("F1 after 2 edit(s): ").And.Not.Contain("accuracy"));
        using var summary = JsonDocument.Parse(File.ReadAllText(dir.File("out/dev.adversarial.summary.json")));
        Assert.That(summary.RootElement.GetProperty("quality_metric").GetString(), Is.EqualTo("f1"));
        Assert.That(summary.RootElement.GetProperty("defended").GetBoolean(), Is.False);
        Assert.That(summary.RootElement.GetProperty("mean_quality_after_edits").GetArrayLength(), Is.EqualTo(3));
        using var results = JsonDocument.Parse(File.ReadAllText(dir.File("out/dev.adversarial.results.json")));
        var queries = results.RootElement.EnumerateArray().Select(r => r.GetProperty("queries").GetInt64()).ToList();
        Assert.That(queries, Has.Count.EqualTo(2).And.All.InRange(1, 12));
        Assert.That(summary.RootElement.GetProperty("total_queries").GetInt64(), Is.EqualTo(queries.Sum()));
    }

    [Test]
    public void Random_recipe_options_and_a_task_other_than_the_models_are_refused_and_nothing_is_written()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.CreateSquad(dir.File("model"));
        var input = WriteSquad(dir);

        var contexts = CliHarness.Run("attack", "adversarial", "--task", "squad", "--input", input, "--model", model, "--squad-target", "contexts", "--out", dir.File("out"));
        Assert.That(contexts.Exit, Is.Not.EqualTo(0));
        Assert.That(contexts.Err, Does.Contain("--squad-target"), "the search attacks questions only: the option does not exist there");

        var wrongTask = CliHarness.Run("attack", "adversarial", "--task", "ner", "--input", input, "--model", model, "--out", dir.File("out"));
        Assert.That(wrongTask.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(wrongTask.Err, Does.Contain("fine-tuned for squad, not ner"));
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName), Is.EquivalentTo(new[] { "model", "dev.json" }),
            "nothing written, no staging folder left");

        var randomOnly = CliHarness.Run("attack", "--task", "squad", "--input", input, "--model", model, "--out", dir.File("out"));
        Assert.That(randomOnly.Exit, Is.Not.EqualTo(0));
        Assert.That(randomOnly.Err, Does.Contain("--model"), "the random verb has no model");
    }

    [Test]
    public void The_search_refuses_a_folder_holding_another_run_unless_overwriting()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.CreateSquad(dir.File("model"));
        var input = WriteSquad(dir);
        string[] args = ["attack", "adversarial", "--input", input, "--model", model, "--query-budget", "3", "--quiet", "--out", dir.File("out")];

        Assert.That(CliHarness.Run(args).Exit, Is.EqualTo(0));
        var again = CliHarness.Run(args);
        Assert.That(again.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(again.Err, Does.Contain("already holds a run (dev.adversarial.summary.json)").And.Contain("--overwrite"));
        Assert.That(CliHarness.Run([.. args, "--overwrite"]).Exit, Is.EqualTo(0), "replaced");
        Assert.That(Directory.GetFiles(dir.File("out")).Select(Path.GetFileName), Is.EquivalentTo(new[] { "dev.adversarial.summary.json", "dev.adversarial.results.json" }));
    }
}
