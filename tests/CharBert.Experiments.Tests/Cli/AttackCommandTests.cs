using System.Text.Json;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert attack` (random recipes) through the real command tree: plain text, the edit-log switch, the
/// output-folder rule, and options that belong to the other verb.</summary>
[NonParallelizable]
public class AttackCommandTests
{
    const string Text = "The committee will publish its findings next spring.\n\nRobust models should shrug off small typing mistakes\r\n";

    [Test]
    public void Text_is_attacked_line_by_line_and_without_an_edit_log_only_the_set_statistics_and_manifest_are_written()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Text);
        var result = CliHarness.Run("attack", "--task", "text", "--input", input, "--edit-log", "none", "--seed", "3", "--out", dir.File("out"));
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        Assert.That(Directory.GetFiles(dir.File("out")).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "corpus.charbert2020.mixed.txt", "corpus.charbert2020.mixed.statistics.json", "corpus.charbert2020.manifest.json",
        }));
        var lines = File.ReadAllText(dir.File("out/corpus.charbert2020.mixed.txt")).Split('\n');
        var original = Text.Split('\n');
        Assert.That(lines, Has.Length.EqualTo(original.Length));
        Assert.That(lines[1], Is.Empty);
        Assert.That(lines[2], Does.EndWith("\r"));
        Assert.That(lines[0], Is.Not.EqualTo(original[0]).And.EndsWith("."));
        Assert.That(lines[0].Split(' '), Has.Length.EqualTo(original[0].Split(' ').Length));
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File("out/corpus.charbert2020.manifest.json")));
        Assert.That(manifest.RootElement.GetProperty("task").GetString(), Is.EqualTo("text"));
        Assert.That(manifest.RootElement.GetProperty("sets")[0].GetProperty("edit_log").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(result.Out, Does.Contain("mixed: "));
    }

    [Test]
    public void A_second_run_into_the_same_folder_needs_overwrite_and_a_stale_staging_folder_is_reported()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Text);
        string[] args = ["attack", "--task", "text", "--input", input, "--quiet", "--out", dir.File("out")];
        Assert.That(CliHarness.Run(args).Exit, Is.EqualTo(0));

        var again = CliHarness.Run(args);
        Assert.That(again.Exit, Is.EqualTo(2));
        Assert.That(again.Err.Trim(), Does.StartWith("error: ").And.Contains("already holds a run").And.Contains("--overwrite"));
        Assert.That(again.Err.Trim().Split('\n'), Has.Length.EqualTo(1), "one line, no stack trace");

        Directory.CreateDirectory(dir.File(".out.staging-999999999-deadbeef"));
        var replaced = CliHarness.Run([.. args, "--overwrite"]);
        Assert.That(replaced.Exit, Is.EqualTo(0), replaced.Err);
        Assert.That(replaced.Err, Does.Contain("note: removed").And.Contain("interrupted run"));
        Assert.That(Directory.Exists(dir.File(".out.staging-999999999-deadbeef")), Is.False);
    }

    [Test]
    public void The_random_verb_rejects_search_options_and_lists_its_own_in_help()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Text);
        var result = CliHarness.Run("attack", "--task", "text", "--input", input, "--max-edits", "2", "--out", dir.File("out"));
        Assert.That(result.Exit, Is.Not.EqualTo(0));
        Assert.That(result.Err, Does.Contain("--max-edits"));

        var help = CliHarness.Run("attack", "--help");
        Assert.That(help.Out, Does.Contain("--edit-log").And.Contain("--overwrite").And.Contain("adversarial").And.Not.Contain("--query-budget"));
        var searchHelp = CliHarness.Run("attack", "adversarial", "--help");
        Assert.That(searchHelp.Out, Does.Contain("--query-budget").And.Contain("--model").And.Not.Contain("--recipe").And.Not.Contain("--edit-log"));
    }

    [Test]
    public void A_file_given_as_the_output_folder_is_one_clear_error()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Text);
        var file = dir.Write("taken", "x");
        var result = CliHarness.Run("attack", "--task", "text", "--input", input, "--out", file);
        Assert.That(result.Exit, Is.EqualTo(2));
        Assert.That(result.Err.Trim(), Is.EqualTo($"error: {file}: a file is in the way (expected a folder)"));
    }
}
