using System.CommandLine;
using System.Globalization;
using CharBert.Attacks.Adversarial;
using CharBert.Cli.Options;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Perturbations;
using CharBert.Text.IO;
using CharBert.Training.Adversarial;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert attack adversarial`: Pruthi et al.'s greedy model-guided search against a fine-tuned model,
/// optionally through a ScRNN word recogniser; writes a summary and per-example results, staged like `attack`.</summary>
public static class AttackAdversarialCommand
{
    public static Command Create()
    {
        var task = TaskOption.Create("checked against the task the model was fine-tuned on (default: the model's)", required: false, TaskOption.FineTuned);
        var input = new Option<FileInfo>("--input") { Description = "Labelled task file to attack (squad: the questions)", Required = true };
        var model = new Option<string>("--model") { Description = "Fine-tuned model directory", Required = true };
        var types = new Option<string?>("--types") { Description = "Comma-separated candidate edit types, any of drop,add,swap,keyboard (default: all four)" };
        var maxEdits = new Option<int>("--max-edits") { Description = "k of the k-character attack", DefaultValueFactory = _ => 1 };
        var maxExamples = new Option<int?>("--max-examples") { Description = "Attack only the first N examples" };
        var segment = new Option<string>("--segment") { Description = "GLUE pair tasks: attack text a (first) or b (second)", DefaultValueFactory = _ => "a" };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Seconds per example" };
        var queryBudget = new Option<long?>("--query-budget") { Description = "Model queries per example (default: unlimited)" };
        var wordRecognizer = new Option<DirectoryInfo?>("--word-recognizer") { Description = "ScRNN word recogniser directory (train-wordrec) in front of the model; the search attacks recogniser + model" };
        var successF1 = new Option<double>("--success-f1") { Description = "squad: an answer counts as flipped at this F1 or below", DefaultValueFactory = _ => 0.0 };
        var device = DeviceOption.Create();
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (new, or one without another run unless --overwrite)", Required = true };
        var overwrite = OverwriteOption.Create();
        var quiet = new Option<bool>("--quiet") { Description = "No progress or summary" };

        var command = new Command("adversarial", "Greedy model-guided character attack (Pruthi et al. 2019) on a fine-tuned model: " +
                                                 "accuracy (F1 for SQuAD) after 0..k edits");
        foreach (var o in new Option[] { task, input, model, types, maxEdits, maxExamples, segment, timeLimit, queryBudget, wordRecognizer, successF1, device, output, overwrite, quiet })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            var budget = parse.GetValue(queryBudget);
            if (budget is < 1) throw new ArgumentException($"--query-budget must be at least 1, got {budget}");
            var settings = new AdversarialSettings
            {
                ModelDirectory = ModelOptions.Resolve(parse.GetValue(model)!),
                Input = parse.GetValue(input)!.FullName,
                Task = parse.GetValue(task),
                Types = parse.GetValue(types) is { } typeNames ? PerturbationTypeNames.ParseList(typeNames) : null,
                Search = new GreedySearchOptions(MaxEdits: parse.GetValue(maxEdits), QueryBudget: budget ?? long.MaxValue,
                    TimeLimitPerExample: parse.GetValue(timeLimit) is { } seconds ? TimeSpan.FromSeconds(seconds) : null),
                Device = parse.GetValue(device)!,
                MaxExamples = parse.GetValue(maxExamples),
                AttackSecondSegment = parse.GetValue(segment) switch
                {
                    "a" => false, "b" => true, var other => throw new ArgumentException($"--segment must be a or b, not '{other}'"),
                },
                QaSuccessF1 = parse.GetValue(successF1),
                WordRecognizer = parse.GetValue(wordRecognizer)?.FullName,
            };
            return Run(settings, parse.GetValue(output)!.FullName, parse.GetValue(overwrite), parse.GetValue(quiet));
        });
        return command;
    }

    static int Run(AdversarialSettings settings, string outDir, bool overwrite, bool quiet)
    {
        AdversarialSummary summary;
        using (var staged = StagedFolder.Begin(outDir, overwrite, AttackRunner.IsRunMarker, AttackRunner.RunFilePrefixes,
                   message => Console.Error.WriteLine($"note: {message}")))
        {
            var run = quiet || Console.IsOutputRedirected ? AdversarialRunner.Run(settings) : RunWithProgress(settings);
            summary = run.Summary;
            var stem = Path.GetFileNameWithoutExtension(settings.Input);
            AttackManifest.WriteJson(Path.Combine(staged.Path, $"{stem}.adversarial.results.json"), run.Results);
            AttackManifest.WriteJson(Path.Combine(staged.Path, $"{stem}.adversarial.summary.json"), summary);
            staged.Commit();
        }
        if (quiet) return 0;
        var metric = summary.QualityMetric == AdversarialSummary.F1 ? "F1" : summary.QualityMetric;
        for (var k = 0; k < summary.MeanQualityAfterEdits.Count; k++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metric} after {k} edit(s): {summary.MeanQualityAfterEdits[k]:0.0000}"));
        var defence = summary.Defence is { } d ? $" (defended by word recogniser {d})" : "";
        Console.WriteLine($"{summary.Flipped} of {summary.Examples} examples flipped{defence}; {summary.TotalQueries:N0} model queries -> {outDir}");
        return 0;
    }

    /// <summary>The search is slow (many model queries per example), so it always shows progress on a terminal.</summary>
    static AdversarialRun RunWithProgress(AdversarialSettings settings)
    {
        AdversarialRun? run = null;
        AnsiConsole.Progress().Start(context =>
        {
            var bar = context.AddTask($"adversarial search on {Path.GetFileName(settings.Input)}", autoStart: true, maxValue: 1);
            run = AdversarialRunner.Run(settings, (done, total) =>
            {
                bar.MaxValue = total;
                bar.Value = done;
            });
        });
        return run!;
    }
}
