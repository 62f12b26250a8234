using System.Text.Json;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert bench attack`: the per-stage breakdown and the end-to-end rows, on a small plain-text file.</summary>
[NonParallelizable]
public class BenchAttackCommandTests
{
    static readonly string Corpus = string.Concat(Enumerable.Repeat(
        "Researchers measured how much small typing mistakes change what a model predicts.\n", 200));

    [Test]
    public void Stages_split_one_threads_time_over_the_steps_of_the_command()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Corpus);
        var result = CliHarness.Run("bench", "attack", "--task", "text", "--input", input, "--skip", "core,end-to-end", "--seconds", "0.2", "--json");
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var stages = json.RootElement.GetProperty("stages");
        Assert.That(stages.GetProperty("words").GetInt64() % (200 * 12), Is.EqualTo(0), "whole passes over 200 lines of 12 words");
        var rows = stages.GetProperty("stages").EnumerateArray().ToArray();
        Assert.That(rows.Select(r => r.GetProperty("name").GetString()), Is.EqualTo(new[] { "read", "parse", "attack", "render", "edit log" }));
        Assert.That(rows.Sum(r => r.GetProperty("share").GetDouble()), Is.EqualTo(1).Within(1e-9));
        Assert.That(rows.Select(r => r.GetProperty("nanoseconds_per_word").GetDouble()), Is.All.GreaterThan(0));
        var perWord = rows.Sum(r => r.GetProperty("nanoseconds_per_word").GetDouble());
        Assert.That(stages.GetProperty("words_per_second").GetDouble(), Is.EqualTo(1e9 / perWord).Within(1e-6).Percent);
        Assert.That(json.RootElement.GetProperty("core").GetArrayLength(), Is.Zero);
        Assert.That(json.RootElement.GetProperty("end_to_end").GetArrayLength(), Is.Zero);
    }

    [Test]
    public void End_to_end_rows_give_each_thread_count_its_speedup_over_one_thread_from_interleaved_rounds()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Corpus);
        var result = CliHarness.Run("bench", "attack", "--task", "text", "--input", input, "--skip", "core,stages", "--threads", "2",
            "--copies", "3", "--repeats", "2", "--temp", dir.Path, "--json");
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var rows = json.RootElement.GetProperty("end_to_end").EnumerateArray().ToArray();
        Assert.That(rows.Select(r => r.GetProperty("threads").GetInt32()), Is.EqualTo(new[] { 1, 2 }));
        Assert.That(rows[0].GetProperty("speedup_median").GetDouble(), Is.EqualTo(1));
        var (median, lowest, highest) = (rows[1].GetProperty("speedup_median").GetDouble(), rows[1].GetProperty("speedup_lowest").GetDouble(),
            rows[1].GetProperty("speedup_highest").GetDouble());
        Assert.That(lowest, Is.GreaterThan(0).And.LessThanOrEqualTo(median));
        Assert.That(highest, Is.GreaterThanOrEqualTo(median));
        Assert.That(rows.Select(r => r.GetProperty("words_per_copy").GetInt64()), Is.All.EqualTo(200 * 12));
        if (OperatingSystem.IsLinux())
            Assert.That(rows.Select(r => r.GetProperty("child_cpus").GetInt32()), Is.EqualTo(new[] { 1, Math.Min(2, Environment.ProcessorCount) }),
                "each child is pinned to as many CPUs as it has threads");
        Assert.That(Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName), Is.EqualTo(new[] { "corpus.txt" }),
            "copies and outputs are deleted");
    }

    [Test]
    public void Unpinned_children_may_run_on_every_cpu()
    {
        using var dir = new TempFolder();
        var input = dir.Write("corpus.txt", Corpus);
        var result = CliHarness.Run("bench", "attack", "--task", "text", "--input", input, "--skip", "core,stages", "--threads", "1",
            "--copies", "2", "--repeats", "1", "--unpinned", "--temp", dir.Path, "--json");
        Assert.That(result.Exit, Is.EqualTo(0), result.Err);
        using var json = JsonDocument.Parse(result.Out);
        var row = json.RootElement.GetProperty("end_to_end").EnumerateArray().Single();
        Assert.That(row.GetProperty("child_cpus").GetInt32(), Is.EqualTo(Environment.ProcessorCount));
    }

    [Test]
    public void An_unknown_part_to_skip_is_named_in_the_error()
    {
        var result = CliHarness.Run("bench", "attack", "--input", "unused.txt", "--skip", "core,warmup");
        Assert.That(result.Exit, Is.Not.Zero);
        Assert.That(result.Err, Does.Contain("'warmup'"));
    }
}
