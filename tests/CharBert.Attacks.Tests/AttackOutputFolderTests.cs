using System.Diagnostics;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>Where a run's files go: staged beside --out and moved in at the end; a folder holding another run is
/// refused unless overwriting, which replaces that run's files and keeps everything else; stale staging folders of
/// killed runs are removed and reported.</summary>
public class AttackOutputFolderTests
{
    const string Conll = "Marvin NNP B-NP B-PER\nvisited VBD B-VP O\nNorthport NNP B-NP B-LOC\n\nQuietly RB B-ADVP O\nsinging VBG B-VP O\n";

    static AttackManifest Run(string input, string outDir, bool overwrite = false, bool perType = false, Action<string>? notice = null,
        EditLogFormat editLog = EditLogFormat.Csv) =>
        AttackRunner.Run(new AttackJob
        {
            Format = new ConllAttackFormat(),
            InputPath = input,
            Task = TaskId.Ner,
            Sets = AttackRunner.Sets("charbert2020", new RecipeRequest(WordGranularity.TokenLevel), mixed: true, perType: perType),
            Seed = 1,
            OutDir = outDir,
            Overwrite = overwrite,
            EditLog = editLog,
            Notice = notice,
        });

    [Test]
    public void A_folder_holding_a_run_is_refused_and_overwriting_replaces_only_that_runs_files()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        Run(dir.File("in.txt"), dir.File("out"), perType: true);
        File.WriteAllText(dir.File("out/notes.md"), "the user's own file");

        var refused = Assert.Throws<OutputFolderException>(() => Run(dir.File("in.txt"), dir.File("out")))!;
        Assert.That(refused.Message, Does.Contain("already holds a run (in.charbert2020.manifest.json)").And.Contain("--overwrite"));

        Run(dir.File("in.txt"), dir.File("out"), overwrite: true);
        Assert.That(Directory.GetFiles(dir.File("out")).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "notes.md", "in.charbert2020.manifest.json", "in.charbert2020.mixed.txt", "in.charbert2020.mixed.edits.csv",
            "in.charbert2020.mixed.statistics.json",
        }), "the per-type sets of the replaced run are gone, the user's file stays");
        Assert.That(Directory.GetDirectories(dir.Path), Is.EquivalentTo(new[] { dir.File("out") }));
    }

    [Test]
    public void Every_hash_in_the_manifest_matches_the_file_beside_it()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        var manifest = Run(dir.File("in.txt"), dir.File("out"), perType: true);
        Assert.That(manifest.Input, Is.EqualTo(FileFingerprint.Of(dir.File("in.txt"))));
        foreach (var set in manifest.Sets)
            Assert.That(set.Output, Is.EqualTo(FileFingerprint.Of(dir.File("out/" + set.Output.File))), set.Name);
    }

    [Test]
    public void Without_an_edit_log_no_csv_is_written_and_the_manifest_says_so()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        var manifest = Run(dir.File("in.txt"), dir.File("out"), editLog: EditLogFormat.None);
        Assert.That(manifest.Sets[0].EditLog, Is.Null);
        Assert.That(Directory.GetFiles(dir.File("out"), "*.csv"), Is.Empty);
        Assert.That(File.ReadAllText(dir.File("out/in.charbert2020.manifest.json")), Does.Contain("\"edit_log\": null"));
    }

    [Test]
    public void Stale_staging_folders_of_dead_processes_are_removed_and_reported_and_a_live_ones_blocks()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        var dead = StartAndFinishProcess();
        var stale = Directory.CreateDirectory(dir.File($".out.staging-{dead}-abcd1234")).FullName;
        File.WriteAllText(Path.Combine(stale, "in.charbert2020.mixed.txt"), "half written");
        var notices = new List<string>();
        Run(dir.File("in.txt"), dir.File("out"), notice: notices.Add);
        Assert.That(Directory.Exists(stale), Is.False);
        Assert.That(notices, Has.One.Contains(stale).And.Contains("interrupted run"));

        var parent = Process.GetCurrentProcess().Id == 1 ? 2 : 1; // pid 1 (init) is always alive
        Directory.CreateDirectory(dir.File($".out3.staging-{parent}-00000000"));
        var blocked = Assert.Throws<OutputFolderException>(() => Run(dir.File("in.txt"), dir.File("out3")))!;
        Assert.That(blocked.Message, Does.Contain($"another process (pid {parent}) is writing"));
    }

    [Test]
    public void An_existing_file_as_the_output_folder_is_refused()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        File.WriteAllText(dir.File("out"), "a file");
        Assert.That(Assert.Throws<OutputFolderException>(() => Run(dir.File("in.txt"), dir.File("out")))!.Message,
            Does.Contain("a file is in the way"));
    }

    static int StartAndFinishProcess()
    {
        using var process = Process.Start(new ProcessStartInfo("dotnet", "--version") { RedirectStandardOutput = true })!;
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return process.Id;
    }
}
