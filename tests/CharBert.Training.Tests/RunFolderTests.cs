using CharBert.Text.IO;
using CharBert.Training.Evaluation;
using CharBert.Training.Runs;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Training.Tests;

/// <summary>The run-folder rule: complete, resumable or absent; a failed start removes what it wrote and puts back a run
/// it was replacing.</summary>
public class RunFolderTests
{
    static void WriteRun(string directory, bool finished)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, RunFiles.Config), "{}");
        if (finished) File.WriteAllText(Path.Combine(directory, RunFiles.Metrics), "{}");
    }

    [Test]
    public void A_failed_fresh_start_leaves_the_folder_absent()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        var folder = RunFolder.StartFresh(run, overwrite: false);
        File.WriteAllText(Path.Combine(run, RunFiles.Config), "{}");
        folder.Failed();
        Assert.That(Directory.Exists(run), Is.False);
    }

    [Test]
    public void A_failed_start_keeps_a_run_that_reached_a_checkpoint()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        var folder = RunFolder.StartFresh(run, overwrite: false);
        WriteRun(run, finished: false);
        Directory.CreateDirectory(Path.Combine(run, RunFiles.Checkpoints, "step-00000005"));
        folder.Failed();
        Assert.That(RunFolder.Inspect(run), Is.EqualTo(RunFolder.State.Unfinished), "resumable");
    }

    [Test]
    public void Runs_are_refused_without_overwrite_and_a_failed_replacement_puts_the_old_run_back()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        WriteRun(run, finished: true);
        Assert.That(() => RunFolder.StartFresh(run, overwrite: false), Throws.TypeOf<OutputFolderException>().With.Message.Contains("already holds a finished run"));

        var folder = RunFolder.StartFresh(run, overwrite: true);
        Assert.That(RunFolder.Inspect(run), Is.EqualTo(RunFolder.State.Empty), "the old run was moved aside");
        File.WriteAllText(Path.Combine(run, RunFiles.Config), "{\"new\": true}");
        folder.Failed();
        Assert.That(File.ReadAllText(Path.Combine(run, RunFiles.Config)), Is.EqualTo("{}"));
        Assert.That(RunFolder.Inspect(run), Is.EqualTo(RunFolder.State.Complete));
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.EqualTo(new[] { run }), "no aside copy is left");

        var replacing = RunFolder.StartFresh(run, overwrite: true);
        replacing.Started();
        Assert.That(Directory.GetFileSystemEntries(dir.Path), Is.EqualTo(new[] { run }), "once the start succeeded the old run is gone");
    }

    [Test]
    public void An_unfinished_run_points_to_resume_and_a_foreign_folder_is_never_used()
    {
        using var dir = new TempDirectory();
        var run = dir.Combine("run");
        WriteRun(run, finished: false);
        Assert.That(() => RunFolder.StartFresh(run, overwrite: false), Throws.TypeOf<OutputFolderException>()
            .With.Message.EqualTo($"{run} holds an unfinished run (no checkpoint yet); continue it with --resume {run}, or use --overwrite to start again"));

        var other = dir.Combine("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "notes.txt"), "mine");
        Assert.That(() => RunFolder.StartFresh(other, overwrite: true), Throws.TypeOf<OutputFolderException>().With.Message.Contains("holds no run"));
    }

    [TestCase(new[] { "a/test.txt", "b/test.txt" }, new[] { "predictions_a_test.csv", "predictions_b_test.csv" })]
    [TestCase(new[] { "x/dev.txt", "x/test.txt" }, new[] { "predictions_dev.csv", "predictions_test.csv" })]
    [TestCase(new[] { "p/a/test.txt", "q/a/test.txt", "r/test.txt" }, new[] { "predictions_p_a_test.csv", "predictions_q_a_test.csv", "predictions_r_test.csv" })]
    [TestCase(new[] { "x/test.txt", "x/test.tsv" }, new[] { "predictions_test_txt.csv", "predictions_test_tsv.csv" })]
    public void Every_test_file_gets_its_own_predictions_file(string[] files, string[] expected)
    {
        var root = Path.Combine(Path.GetTempPath(), "names");
        var names = PredictionFileNames.For(files.Select(f => Path.Combine(root, f)).ToArray());
        Assert.That(names, Is.EqualTo(expected));
        Assert.That(() => PredictionFileNames.For([Path.Combine(root, "a.txt"), Path.Combine(root, ".", "a.txt")]),
            Throws.ArgumentException.With.Message.Contains("is given twice"));
    }

    [Test]
    public void Device_names_are_parsed_in_one_place_and_auto_picks_what_is_there()
    {
        Assert.That(DeviceResolver.Problem("cpu"), Is.Null);
        Assert.That(DeviceResolver.Problem("CUDA:1"), Is.Null);
        Assert.That(DeviceResolver.Problem("gpu"), Is.EqualTo("unknown device 'gpu' (use cpu, cuda, cuda:N or auto)"));
        var expected = TorchSharp.torch.cuda.is_available() ? TorchSharp.DeviceType.CUDA : TorchSharp.DeviceType.CPU;
        Assert.That(DeviceResolver.Resolve("auto").type, Is.EqualTo(expected));
    }
}
