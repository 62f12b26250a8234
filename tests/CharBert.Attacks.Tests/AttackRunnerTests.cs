using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Recipes;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class AttackRunnerTests
{
    const string Conll = "Marvin NNP B-NP B-PER\nvisited VBD B-VP O\nNorthport NNP B-NP B-LOC\nyesterday NN B-NP O\n\nQuietly RB B-ADVP O\nsinging VBG B-VP O\nbirds NNS B-NP O\n";

    static AttackManifest RunInto(string input, string outDir, int threads, ulong seed = 9)
    {
        return AttackRunner.Run(new AttackJob
        {
            Format = new ConllAttackFormat(),
            InputPath = input,
            Task = TaskId.Ner,
            Sets = AttackRunner.Sets("charbert2020", new RecipeRequest(WordGranularity.TokenLevel), mixed: true, perType: true),
            Seed = seed,
            Threads = threads,
            OutDir = outDir,
            Options = new Dictionary<string, string> { ["tokens"] = "all" },
        });
    }

    [Test]
    public void Writes_sets_logs_statistics_and_a_manifest_identical_across_reruns_and_thread_counts()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("in.txt"), Conll);
        var manifest = RunInto(dir.File("in.txt"), dir.File("a"), threads: 1);
        RunInto(dir.File("in.txt"), dir.File("b"), threads: 4);

        Assert.That(manifest.Sets.Select(s => s.Name), Is.EqualTo(new[] { "mixed", "drop", "add", "swap", "keyboard" }));
        var files = Directory.GetFiles(dir.File("a")).Select(Path.GetFileName).Order().ToArray();
        Assert.That(files, Does.Contain("in.charbert2020.manifest.json").And.Contain("in.charbert2020.mixed.txt")
            .And.Contain("in.charbert2020.drop.edits.csv").And.Contain("in.charbert2020.swap.statistics.json"));
        foreach (var file in files)
            Assert.That(File.ReadAllBytes(Path.Combine(dir.File("b"), file!)), Is.EqualTo(File.ReadAllBytes(Path.Combine(dir.File("a"), file!))), file);
        Assert.That(Directory.GetFiles(dir.File("a"), "*.tmp"), Is.Empty);

        var drop = manifest.Sets.Single(s => s.Name == "drop");
        var log = EditLog.Read(Path.Combine(dir.File("a"), drop.EditLog!));
        Assert.That(log, Has.Count.EqualTo(drop.Statistics.Edits));
        Assert.That(log.All(r => r.Perturbation == "drop" && r.Recipe == "charbert2020" && r.Attacked.Length == r.Original.Length - 1));
        Assert.That(drop.Statistics.WordsAttacked, Is.EqualTo(7), "all 7 words have length >= 4 and a drop always changes a word");
        Assert.That(manifest.Input.Sha256, Has.Length.EqualTo(64));
        Assert.That(manifest.Seed, Is.EqualTo(9));

        var otherSeed = RunInto(dir.File("in.txt"), dir.File("c"), threads: 2, seed: 10);
        Assert.That(otherSeed.Sets[0].Output.Sha256, Is.Not.EqualTo(manifest.Sets[0].Output.Sha256));
    }
}
