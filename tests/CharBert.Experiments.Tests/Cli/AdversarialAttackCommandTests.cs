using System.Text.Json;
using CharBert.Cli;
using CharBert.Experiments.Tests.Sensitivity;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert attack --adversarial` on a (tiny, random) SQuAD model directory through the real command tree.</summary>
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
        var result = CliHarness.Run("attack", "--task", "squad", "--input", WriteSquad(dir), "--adversarial", "--model", model,
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
    public void Squad_contexts_and_a_task_other_than_the_models_are_refused_with_exit_2()
    {
        using var dir = new TempFolder();
        var model = TinyModelFolder.CreateSquad(dir.File("model"));
        var input = WriteSquad(dir);

        var contexts = CliHarness.Run("attack", "--task", "squad", "--input", input, "--adversarial", "--model", model, "--squad-target", "contexts", "--out", dir.File("out"));
        Assert.That(contexts.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(contexts.Err, Does.Contain("questions only"));

        var wrongTask = CliHarness.Run("attack", "--task", "ner", "--input", input, "--adversarial", "--model", model, "--out", dir.File("out"));
        Assert.That(wrongTask.Exit, Is.EqualTo(CliRunner.ExitBadInput));
        Assert.That(wrongTask.Err, Does.Contain("fine-tuned for squad, not ner"));
        Assert.That(Directory.Exists(dir.File("out")), Is.False, "nothing written");
    }
}
