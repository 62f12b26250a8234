using System.Diagnostics;
using CharBert.TestSupport;
using CharBert.Training.Tests.Support;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>The error probe of issue 12 as a test suite through the real `charbert` executable (a child process per
/// case): bad options and values, bad input files, output folders that cannot be used (a file in the way, a folder
/// that cannot be written), failed starts, reruns, kill -9 and a damaged checkpoint, and uncased tokenisation without
/// ICU. Every failing case exits 2 (README "Exit codes"), prints one line "error: ..." without a stack trace or .NET
/// type names, and leaves its output folder complete, resumable or absent.</summary>
[NonParallelizable]
public class ErrorProbeTests
{
    TempFolder _dir = null!;
    readonly Dictionary<string, string> _paths = [];
    string? _unwritable;
    string _unwritableKind = "";

    const string Finetune = "finetune --task ner --model-config {config} --vocab {vocab} --train {train} --dev {dev} --epochs 1 --batch-size 8 --max-seq-length 24 --quiet";
    const string Pretrain = "pretrain --model-config {config} --vocab {vocab} --train {corpus} --block-size 16 --batch-size 4 --max-steps 2 --quiet";
    const string WordRec = "train-wordrec --train {corpus} --epochs 1 --vocab-size 30";

    [OneTimeSetUp]
    public void CreateFilesAndOneFinetunedModel()
    {
        _dir = new TempFolder();
        var vocab = SyntheticTaskFiles.WriteVocabulary(_dir.File("vocab"));
        SyntheticTaskFiles.WriteTermVocabulary(vocab);
        _paths["root"] = _dir.Path;
        _paths["vocab"] = vocab;
        _paths["config"] = SyntheticTaskFiles.WriteModelConfig(_dir.File("config.json")); // 64 positions, like the tiny preset
        _paths["train"] = SyntheticTaskFiles.WriteNer(_dir.File("train.txt"), 8, 1); // one batch: one step per epoch
        _paths["dev"] = SyntheticTaskFiles.WriteNer(_dir.File("dev.txt"), 8, 2);
        _paths["corpus"] = SyntheticTaskFiles.WriteCorpus(_dir.File("corpus.txt"), 40, 7);
        _paths["afile"] = _dir.Write("a-file", "not a folder");
        _paths["empty"] = _dir.Write("empty.txt", "");
        _paths["folder"] = Directory.CreateDirectory(_dir.File("a-folder")).FullName;
        _paths["binary"] = _dir.File("binary.txt");
        File.WriteAllBytes(_paths["binary"], [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, 0, 0, 0, (byte)'\n', (byte)'x']);
        _paths["spec-incomplete"] = _dir.Write("incomplete.json", "{\"name\": \"x\"}");
        _paths["demo-spec"] = Path.Combine(SharedPaths.RepoRoot, "experiments", "demo.json");
        _paths["squad-negative"] = _dir.Write("squad.json",
            "{\"version\": \"1.1\", \"data\": [{\"title\": \"t\", \"paragraphs\": [{\"context\": \"the cat Anna\", " +
            "\"qas\": [{\"id\": \"q1\", \"question\": \"what is yes ?\", \"answers\": [{\"text\": \"Anna\", \"answer_start\": -3}]}]}]}]}");

        var run = _dir.File("run");
        AssertSucceeds(Charbert($"{Finetune} --out {run}"));
        _paths["run"] = run;
        _paths["model"] = Path.Combine(run, "model");
        var misfit = _dir.File("misfit-model");
        CopyFolder(_paths["model"], misfit);
        var configPath = Path.Combine(misfit, "config.json");
        File.WriteAllText(configPath, File.ReadAllText(configPath).Replace("\"hidden_size\": 32", "\"hidden_size\": 64"));
        _paths["misfit"] = misfit;
        (_unwritable, _unwritableKind) = UnwritableFolder();
    }

    [OneTimeTearDown]
    public void RemoveFiles()
    {
        if (!OperatingSystem.IsWindows() && _unwritable is not null && _unwritable.StartsWith(_dir.Path, StringComparison.Ordinal))
            File.SetUnixFileMode(_unwritable, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        _dir.Dispose();
    }

    /// <summary>A folder this process cannot write into. Permissions where they are enforced (chmod 555); as root, who
    /// ignores them, a folder of a virtual file system that refuses new entries even to root (/sys).</summary>
    (string?, string) UnwritableFolder()
    {
        if (OperatingSystem.IsWindows()) return (null, "");
        var readOnly = Directory.CreateDirectory(_dir.File("read-only")).FullName;
        File.SetUnixFileMode(readOnly, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                                       | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        if (!CanCreateIn(readOnly)) return (readOnly, "chmod 555");
        return Directory.Exists("/sys") && !CanCreateIn("/sys") ? ("/sys", "/sys (permissions are not enforced for this user)") : (null, "");
    }

    static bool CanCreateIn(string folder)
    {
        var probe = Path.Combine(folder, $"probe-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(probe);
            Directory.Delete(probe);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public sealed record Case(string Name, string Args, string Message)
    {
        public override string ToString() => Name;
    }

    static IEnumerable<Case> Cases() =>
    [
        // usage: parse errors and option values
        new("seed-not-a-number", "finetune --task ner --seed abc --out {new}", "--seed: 'abc' is not a whole number from 0 to"),
        new("seed-negative", "attack --task ner --input {dev} --recipe rate --seed -5 --out {new}", "--seed: '-5' is not a whole number"),
        new("seed-too-large", "train-wordrec --train {corpus} --seed 99999999999 --out {new}", "--seed: '99999999999'"),
        new("device-unknown", "evaluate --model {model} --task ner --test {dev} --device gpu --out {new}", "unknown device 'gpu' (use cpu, cuda, cuda:N or auto)"),
        new("enum-value", "train-wordrec --train {corpus} --backoff foo --out {new}", "--backoff: 'foo' is not one of passthrough, neutral, background"),
        new("number-value", "plot --results {folder} --rate abc", "--rate: 'abc' is not a number"),
        new("unknown-option", "sensitivity --bogus", "Unrecognized command or argument '--bogus'"),
        new("missing-required-option", "evaluate --task ner --test {dev} --out {new}", "'--model'"),
        new("unknown-verb", "frobnicate", "'frobnicate'"),
        new("from-checkpoint-without-resume", Finetune + " --from-checkpoint step-00000001 --out {new}", "--from-checkpoint needs --resume"),
        new("unknown-glue-task", Finetune.Replace("--task ner", "--task glue:foo") + " --out {new}", "unknown GLUE task 'foo'"),
        new("unknown-task", "attack --task xyz --input {dev} --out {new}", "--task: unknown task 'xyz': use ner | pos | glue:<name> (qnli, mrpc, cola, sst-2, rte, qqp) | squad | text"),
        new("task-the-verb-does-not-take", Finetune.Replace("--task ner", "--task text") + " --out {new}", "--task: this verb takes ner | pos | glue:<name>"),
        new("unknown-preset", Finetune.Replace("{config}", "huge") + " --out {new}", "no preset or file named huge"),
        new("bench-unknown-preset", "bench model --config huge", "no preset or file named huge"),
        new("bench-device-unknown", "bench model --config tiny --device gpu", "unknown device 'gpu'"),
        new("test-file-twice", "evaluate --model {model} --task ner --test {dev} {dev} --out {new}", "is given twice"),

        // --out (and --cache, --results) that cannot be used: one line naming the folder and the problem
        new("finetune-out-is-a-file", Finetune + " --out {afile}", "a file is in the way"),
        new("pretrain-out-under-a-file", Pretrain + " --out {afile}/run", "is a file, not a folder"),
        new("evaluate-out-is-a-file", "evaluate --model {model} --task ner --test {dev} --out {afile}", "a file is in the way"),
        new("sensitivity-out-is-a-file", "sensitivity --model {model} --clean {dev} --attacked {dev} --task ner --out {afile}", "a file is in the way"),
        new("train-wordrec-out-is-a-file", WordRec + " --out {afile}", "a file is in the way"),
        new("attack-out-is-a-file", "attack --task ner --input {dev} --recipe rate --out {afile}", "a file is in the way"),
        new("ablate-out-is-a-file", "ablate --spec {demo-spec} --out {afile}", "a file is in the way"),
        new("demo-out-is-a-file", "demo --out {afile}", "a file is in the way"),
        new("data-cache-is-a-file", "data get brown --cache {afile}", "a file is in the way"),
        new("finetune-out-unwritable", Finetune + " --out {unwritable}/run", "cannot write in"),
        new("evaluate-out-unwritable", "evaluate --model {model} --task ner --test {dev} --out {unwritable}/eval", "cannot write in"),
        new("train-wordrec-out-unwritable", WordRec + " --out {unwritable}/wordrec", "cannot write in"),
        new("plot-results-unwritable", "plot --results {unwritable}", "cannot write in"),
        new("report-results-missing", "report --results {root}/no-such-results", "results folder not found"),

        // starts that fail leave nothing behind (the output folder stays absent)
        new("finetune-vocab-missing", Finetune.Replace("--vocab {vocab}", "--vocab {folder}") + " --out {new}", "vocab.txt not found"),
        new("finetune-seq-longer-than-the-model", Finetune.Replace("--max-seq-length 24", "--max-seq-length 100") + " --out {new}",
            "--max-seq-length 100 exceeds the model's max_position_embeddings (64)"),
        new("finetune-binary-train", Finetune.Replace("{train}", "{binary}") + " --out {new}", "binary.txt:1: NUL byte at byte 8"),
        new("finetune-negative-answer-start", Finetune.Replace("--task ner", "--task squad").Replace("{train}", "{squad-negative}") + " --out {new}",
            "answer_start -3 is negative"),
        new("pretrain-binary-corpus", Pretrain.Replace("{corpus}", "{binary}") + " --out {new}", "binary.txt:1: NUL byte"),
        new("pretrain-folder-as-corpus", Pretrain.Replace("{corpus}", "{folder}") + " --out {new}", "is a folder, not a file"),
        new("pretrain-block-longer-than-the-model", Pretrain.Replace("--block-size 16", "--block-size 100") + " --out {new}",
            "--block-size 100 exceeds the model's max_position_embeddings (64)"),
        new("train-wordrec-binary-corpus", WordRec.Replace("{corpus}", "{binary}") + " --out {new}", "binary.txt:1: NUL byte"),
        new("evaluate-binary-test", "evaluate --model {model} --task ner --test {binary} --out {new}", "NUL byte"),
        new("evaluate-run-folder-as-model", "evaluate --model {run} --task ner --test {dev} --out {new}", "it is a run directory: use --model"),
        new("evaluate-config-misfits-weights", "evaluate --model {misfit} --task ner --test {dev} --out {new}",
            "hidden_size 32 in the weights, 64 in the config"),
        new("sensitivity-folder-as-file", "sensitivity --model {model} --clean {folder} --attacked {dev} --task ner --out {new}", "is a folder, not a file"),
        new("ablate-incomplete-spec", "ablate --spec {spec-incomplete} --out {new}", "missing required keys: data_root"),
        new("ablate-empty-spec", "ablate --spec {empty} --out {new}", "no JSON value"),
        new("verify-reference-empty-fixture", "verify-reference --fixture {empty}", "empty.txt"),
    ];

    [TestCaseSource(nameof(Cases))]
    public void Fails_with_one_line_and_exit_2_leaving_no_output(Case probe)
    {
        if (probe.Args.Contains("{unwritable}") && _unwritable is null) Assert.Ignore("no folder this process cannot write into (Windows, or root without /sys)");
        var newPath = _dir.File($"new-{probe.Name}");
        var afileBefore = File.ReadAllText(_paths["afile"]);

        var result = Charbert(probe.Args, newPath);

        AssertOneLineError(result, probe.Message);
        Assert.That(Directory.Exists(newPath) || File.Exists(newPath), Is.False, "a failed command leaves its new output folder absent");
        Assert.That(File.ReadAllText(_paths["afile"]), Is.EqualTo(afileBefore), "a file given as --out is left alone");
        Assert.That(Directory.EnumerateFileSystemEntries(_dir.Path).Where(p => Path.GetFileName(p).StartsWith('.')), Is.Empty,
            "no staging or probe folder is left behind");
        if (probe.Args.Contains("{unwritable}")) TestContext.Out.WriteLine($"unwritable folder: {_unwritableKind}");
    }

    [Test]
    public void A_finished_run_is_kept_unless_overwrite_is_given_and_a_failed_overwrite_puts_it_back()
    {
        var run = _dir.File("rerun");
        AssertSucceeds(Charbert($"{Finetune} --out {run}"));
        var metrics = File.ReadAllText(Path.Combine(run, "metrics.json"));

        AssertOneLineError(Charbert($"{Finetune} --out {run}"), "already holds a finished run (metrics.json); use --overwrite");
        AssertOneLineError(Charbert($"{Finetune.Replace("--vocab {vocab}", "--vocab {folder}")} --overwrite --out {run}"), "vocab.txt not found");
        Assert.That(File.ReadAllText(Path.Combine(run, "metrics.json")), Is.EqualTo(metrics), "the replaced run is put back when the new start fails");
        Assert.That(Directory.EnumerateFileSystemEntries(_dir.Path).Where(p => Path.GetFileName(p).StartsWith(".rerun", StringComparison.Ordinal)), Is.Empty);

        AssertSucceeds(Charbert($"{Finetune} --seed 5 --overwrite --out {run}"));
        Assert.That(File.ReadAllText(Path.Combine(run, "metrics.json")), Is.Not.EqualTo(metrics), "--overwrite replaced the run");
    }

    [Test]
    public void Evaluate_output_is_whole_refuses_a_rerun_without_overwrite_and_keeps_every_predictions_file()
    {
        var a = Directory.CreateDirectory(_dir.File("eval-a")).FullName;
        var b = Directory.CreateDirectory(_dir.File("eval-b")).FullName;
        File.Copy(_paths["dev"], Path.Combine(a, "test.txt"));
        File.Copy(_paths["train"], Path.Combine(b, "test.txt"));
        var output = _dir.File("evaluation");
        var args = $"evaluate --model {{model}} --task ner --test {a}/test.txt {b}/test.txt --out {output}";

        AssertSucceeds(Charbert(args));
        var first = File.ReadAllText(Path.Combine(output, "predictions_eval-a_test.csv"));
        var second = File.ReadAllText(Path.Combine(output, "predictions_eval-b_test.csv"));
        Assert.That(first, Is.Not.EqualTo(second), "one predictions file per test file, none overwritten");

        AssertOneLineError(Charbert(args), "already holds evaluate results (evaluate.json); use --overwrite");
        AssertSucceeds(Charbert(args + " --overwrite"));
        Assert.That(Directory.EnumerateFileSystemEntries(output).Select(Path.GetFileName), Is.EquivalentTo(new[]
        {
            "results.csv", "evaluate.json", "predictions_eval-a_test.csv", "predictions_eval-b_test.csv",
        }));
    }

    [Test]
    public void Kill_9_after_checkpoints_leaves_a_resumable_run_and_a_damaged_newest_checkpoint_names_the_previous_one()
    {
        var run = _dir.File("killed");
        using (var training = CliProcess.Start(Split($"{Finetune.Replace("--epochs 1", "--epochs 60")} --checkpoint-every 1 --out {run}"), _dir.Path))
        {
            var checkpoints = Path.Combine(run, "checkpoints");
            var clock = Stopwatch.StartNew();
            while (!training.HasExited && (!Directory.Exists(checkpoints) || Directory.GetDirectories(checkpoints, "step-*").Length < 3))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail("no checkpoints after 3 minutes");
                Thread.Sleep(20);
            }
            if (training.HasExited) Assert.Inconclusive("the run finished before it could be killed");
            training.Kill(); // SIGKILL: no finally block, no cleanup
            training.WaitForExit();
        }

        AssertOneLineError(Charbert($"{Finetune} --out {run}"), "holds an unfinished run (newest checkpoint step-");
        var steps = Directory.GetDirectories(Path.Combine(run, "checkpoints"), "step-*").Order(StringComparer.Ordinal).ToArray();
        var model = Path.Combine(steps[^1], "model.bin");
        File.AppendAllText(model, "damage");

        var resumed = Charbert($"finetune --resume {run} --quiet");
        AssertOneLineError(resumed, $"the previous checkpoint {Path.GetFileName(steps[^2])} is intact: resume from it with --resume");
        AssertSucceeds(Charbert($"finetune --resume {run} --quiet --from-checkpoint {Path.GetFileName(steps[^2])}"));
        Assert.That(File.Exists(Path.Combine(run, "metrics.json")), "the resumed run completed");
        Assert.That(Directory.EnumerateFiles(run, ".*.tmp", SearchOption.AllDirectories), Is.Empty, "no temporary file is left");
    }

    [Test]
    public void Kill_9_before_the_first_checkpoint_leaves_a_run_that_resume_starts_again()
    {
        var run = _dir.File("killed-early");
        using (var training = CliProcess.Start(Split($"{Finetune.Replace("--epochs 1", "--epochs 30")} --checkpoint-every 0 --out {run}"), _dir.Path))
        {
            var clock = Stopwatch.StartNew();
            while (!training.HasExited && !File.Exists(Path.Combine(run, "config.json")))
            {
                if (clock.Elapsed > TimeSpan.FromMinutes(3)) Assert.Fail("no config.json after 3 minutes");
                Thread.Sleep(5);
            }
            if (training.HasExited) Assert.Inconclusive("the run finished before it could be killed");
            training.Kill();
            training.WaitForExit();
        }

        AssertOneLineError(Charbert($"{Finetune} --out {run}"), "holds an unfinished run");
        AssertSucceeds(Charbert($"finetune --resume {run} --quiet"));
        Assert.That(File.Exists(Path.Combine(run, "metrics.json")), "resume started it again (from step 0 when no checkpoint was written) and completed");
    }

    [Test]
    public void Uncased_tokenisation_is_refused_in_globalization_invariant_mode_and_cased_still_works()
    {
        var invariant = new Dictionary<string, string> { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" };
        var uncased = _dir.File("invariant-uncased");
        AssertOneLineError(Charbert($"{Finetune} --do-lower-case --out {uncased}", environment: invariant), "globalization-invariant mode");
        Assert.That(Directory.Exists(uncased), Is.False);

        AssertSucceeds(Charbert($"{Finetune} --out {_dir.File("invariant-cased")}", environment: invariant));
        AssertSucceeds(Charbert($"{Finetune} --do-lower-case --out {_dir.File("icu-uncased")}"));
    }

    [Test]
    public void Default_lengths_fit_the_tiny_preset()
    {
        // tiny has 64 positions; the defaults (128) would not fit
        AssertSucceeds(Charbert($"{Finetune.Replace("{config}", "tiny").Replace(" --max-seq-length 24", "")} --out {_dir.File("tiny-finetune")}"));
        AssertSucceeds(Charbert($"{Pretrain.Replace("{config}", "tiny").Replace(" --block-size 16", "").Replace("--max-steps 2", "--max-steps 1")} --out {_dir.File("tiny-pretrain")}"));
        AssertSucceeds(Charbert($"sensitivity --model {_dir.File("tiny-finetune")}/model --clean {{dev}} --attacked {{dev}} --task ner --out {_dir.File("tiny-sensitivity")}"));
    }

    CliProcess.Result Charbert(string args, string? newPath = null, IReadOnlyDictionary<string, string>? environment = null) =>
        CliProcess.Run(Split(args, newPath), _dir.Path, environment);

    string[] Split(string args, string? newPath = null) =>
        args.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(token => Expand(token, newPath)).ToArray();

    string Expand(string token, string? newPath)
    {
        foreach (var (name, path) in _paths) token = token.Replace($"{{{name}}}", path);
        if (newPath is not null) token = token.Replace("{new}", newPath);
        if (_unwritable is not null) token = token.Replace("{unwritable}", _unwritable);
        return token;
    }

    static void AssertSucceeds(CliProcess.Result result) => Assert.That(result.Exit, Is.EqualTo(0), result.Err);

    static void AssertOneLineError(CliProcess.Result result, string message)
    {
        Assert.That(result.Exit, Is.EqualTo(2), $"exit code (stderr: {result.Err})");
        Assert.That(result.ErrLines, Has.Length.EqualTo(1), $"one line on stderr: {result.Err}");
        Assert.That(result.ErrLines[0], Does.StartWith("error: ").And.Contain(message));
        Assert.That(result.Err, Does.Not.Contain("   at ").And.Not.Contain("Unhandled exception").And.Not.Contain("System.")
            .And.Not.Contain("(Parameter '").And.Not.Contain("LineNumber"), "no stack trace or .NET internals");
    }

    static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
    }
}
