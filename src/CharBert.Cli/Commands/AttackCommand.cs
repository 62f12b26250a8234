using System.CommandLine;
using System.Globalization;
using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Formats;
using CharBert.Training.Adversarial;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Tsv;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert attack`: writes character-attacked copies of a task file (mixed set and/or one per edit
/// type), with an edit log, statistics and a manifest. Same input + recipe + seed gives identical bytes.</summary>
public static class AttackCommand
{
    const int ProgressThreshold = 20_000;

    public static Command Create()
    {
        var task = new Option<string>("--task") { Description = "ner | pos | glue:<name> (qnli, mrpc, cola, sst-2, rte, qqp) | squad", Required = true };
        var input = new Option<FileInfo>("--input") { Description = "Task file to attack", Required = true };
        var recipe = new Option<string>("--recipe") { Description = $"Recipe: {string.Join(", ", RecipeCatalog.Names)}", DefaultValueFactory = _ => "charbert2020" };
        var types = new Option<string?>("--types") { Description = "Comma-separated edit types (drop,add,swap,keyboard,substitute,homoglyph,ocr,case-flip,misspelling); default: the recipe's (--adversarial: drop,add,swap,keyboard)" };
        var rate = new Option<double?>("--rate") { Description = "Fraction of eligible words to attack (pruthi2019: per-word probability; rate: fraction per record)" };
        var seed = new Option<ulong>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42UL };
        var sets = new Option<string>("--sets") { Description = "mixed | per-type | both: the mixed set, one set per edit type, or both", DefaultValueFactory = _ => "mixed" };
        var squadTarget = new Option<string>("--squad-target") { Description = "questions | contexts | both", DefaultValueFactory = _ => "questions" };
        var protectAnswers = new Option<bool>("--protect-answers") { Description = "SQuAD contexts: never attack words inside answer spans" };
        var tokens = new Option<string>("--tokens") { Description = "CoNLL: all | entities | non-entities (by the NER label column)", DefaultValueFactory = _ => "all" };
        var columns = new Option<string?>("--columns") { Description = "GLUE TSV: comma-separated text columns (header names or 0-based indexes); default: the task's text columns" };
        var misspellings = new Option<FileInfo?>("--misspellings") { Description = "TSV table 'correct<TAB>misspelling' for the misspelling edit (rate recipe)" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (output is identical for any value)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output directory", Required = true };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar or summary" };
        var adversarial = new Option<bool>("--adversarial") { Description = "Greedy model-guided attack (Pruthi et al. 2019) on --model instead of a random recipe (squad: the questions)" };
        var model = new Option<string?>("--model") { Description = "Fine-tuned model directory (with --adversarial)" };
        var maxEdits = new Option<int>("--max-edits") { Description = "k of the k-character adversarial attack", DefaultValueFactory = _ => 1 };
        var maxExamples = new Option<int?>("--max-examples") { Description = "Attack only the first N records (adversarial search)" };
        var segment = new Option<string>("--segment") { Description = "Adversarial search on pair tasks: attack text a (first) or b (second)", DefaultValueFactory = _ => "a" };
        var timeLimit = new Option<double?>("--time-limit") { Description = "Adversarial search: seconds per example" };
        var queryBudget = new Option<long?>("--query-budget") { Description = "Adversarial search: model queries per example (default: unlimited)" };
        var wordRecognizer = new Option<DirectoryInfo?>("--word-recognizer") { Description = "Adversarial search: ScRNN word recogniser directory (train-wordrec) in front of the model; the search attacks recogniser + model" };
        var successF1 = new Option<double>("--success-f1") { Description = "Adversarial search on squad (questions only; contexts are not attacked): an answer counts as flipped at this F1 or below", DefaultValueFactory = _ => 0.0 };
        var device = new Option<string>("--device") { Description = "Adversarial search: cpu | cuda", DefaultValueFactory = _ => "cpu" };

        var command = new Command("attack", "Generate character-attacked test sets (CharBERT 2020, Pruthi 2019, rate-based)");
        foreach (var o in new Option[] { task, input, recipe, types, rate, seed, sets, squadTarget, protectAnswers, tokens, columns, misspellings, threads, output, quiet, adversarial, model, maxEdits, maxExamples, segment, timeLimit, queryBudget, wordRecognizer, successF1, device })
            command.Options.Add(o);

        command.SetAction(parse =>
        {
            if (parse.GetValue(adversarial))
            {
                if (parse.GetValue(squadTarget) != "questions")
                    throw new ArgumentException("the adversarial search attacks SQuAD questions only (attacking contexts would move the gold answer offsets); drop --squad-target");
                var budget = parse.GetValue(queryBudget);
                if (budget is < 1) throw new ArgumentException($"--query-budget must be at least 1, got {budget}");
                var settings = new AdversarialSettings
                {
                    ModelDirectory = ModelOptions.Resolve(parse.GetValue(model) ?? throw new ArgumentException("--adversarial needs --model DIR (a fine-tuned model directory)")),
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
                return RunAdversarial(settings, parse.GetValue(output)!.FullName, parse.GetValue(quiet));
            }
            var taskName = parse.GetValue(task)!.Trim().ToLowerInvariant();
            var inputFile = parse.GetValue(input)!;
            if (!inputFile.Exists) throw new FileNotFoundException($"input file not found: {inputFile.FullName}");
            var typeList = parse.GetValue(types) is { } t ? PerturbationTypeNames.ParseList(t) : null;
            var taskKind = taskName is "ner" or "pos" ? TaskKind.TokenLevel : TaskKind.Sentence;
            var rateSettings = parse.GetValue(misspellings) is { } table
                ? new RateRecipeSettings { Misspellings = Attacks.Resources.MisspellingTable.Load(table.FullName) }
                : null;
            var request = new RecipeRequest(taskKind, typeList, parse.GetValue(rate), rateSettings);
            var (mixed, perType) = parse.GetValue(sets) switch
            {
                "mixed" => (true, false),
                "per-type" => (false, true),
                "both" => (true, true),
                var other => throw new ArgumentException($"--sets must be mixed, per-type or both, not '{other}'"),
            };
            var setRequests = AttackRunner.Sets(parse.GetValue(recipe)!, request, mixed, perType);

            var options = new Dictionary<string, string> { ["sets"] = parse.GetValue(sets)! };
            var document = LoadDocument(taskName, inputFile.FullName, parse, tokens, columns, squadTarget, protectAnswers, options);
            var silent = parse.GetValue(quiet) || Console.IsOutputRedirected;
            var manifest = RunWithProgress(document, inputFile.FullName, taskName, setRequests, parse.GetValue(seed), taskKind,
                Math.Max(1, parse.GetValue(threads)), parse.GetValue(output)!.FullName, options, showProgress: !silent && document.Records.Count >= ProgressThreshold);
            if (!parse.GetValue(quiet)) PrintSummary(manifest, parse.GetValue(output)!.FullName);
            return 0;
        });
        return command;
    }

    static int RunAdversarial(AdversarialSettings settings, string outDir, bool quiet)
    {
        var run = quiet || Console.IsOutputRedirected ? AdversarialRunner.Run(settings) : RunAdversarialWithProgress(settings);
        var summary = run.Summary;
        var stem = Path.GetFileNameWithoutExtension(settings.Input);
        AttackManifest.WriteJson(Path.Combine(outDir, $"{stem}.adversarial.summary.json"), summary);
        AttackManifest.WriteJson(Path.Combine(outDir, $"{stem}.adversarial.results.json"), run.Results);
        if (quiet) return 0;
        var metric = summary.QualityMetric == AdversarialSummary.F1 ? "F1" : summary.QualityMetric;
        for (var k = 0; k < summary.MeanQualityAfterEdits.Count; k++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{metric} after {k} edit(s): {summary.MeanQualityAfterEdits[k]:0.0000}"));
        var defence = summary.Defence is { } d ? $" (defended by word recogniser {d})" : "";
        Console.WriteLine($"{summary.Flipped} of {summary.Examples} examples flipped{defence}; {summary.TotalQueries:N0} model queries -> {outDir}");
        return 0;
    }

    /// <summary>The search is slow (many model queries per example), so it always shows progress on a terminal.</summary>
    static AdversarialRun RunAdversarialWithProgress(AdversarialSettings settings)
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

    static IAttackDocument LoadDocument(string taskName, string path, ParseResult parse, Option<string> tokens, Option<string?> columns,
        Option<string> squadTarget, Option<bool> protectAnswers, Dictionary<string, string> options)
    {
        switch (taskName)
        {
            case "ner" or "pos":
                var filter = parse.GetValue(tokens) switch
                {
                    "all" => ConllTokenFilter.All,
                    "entities" => ConllTokenFilter.EntitiesOnly,
                    "non-entities" => ConllTokenFilter.NonEntitiesOnly,
                    var other => throw new ArgumentException($"--tokens must be all, entities or non-entities, not '{other}'"),
                };
                if (taskName == "pos" && filter != ConllTokenFilter.All) throw new ArgumentException("--tokens entities/non-entities needs NER labels (--task ner)");
                options["tokens"] = parse.GetValue(tokens)!;
                return ConllAttackDocument.Load(path, filter);
            case "squad":
                var target = parse.GetValue(squadTarget) switch
                {
                    "questions" => SquadTarget.Questions,
                    "contexts" => SquadTarget.Contexts,
                    "both" => SquadTarget.Both,
                    var other => throw new ArgumentException($"--squad-target must be questions, contexts or both, not '{other}'"),
                };
                options["squad_target"] = parse.GetValue(squadTarget)!;
                options["protect_answers"] = parse.GetValue(protectAnswers).ToString().ToLowerInvariant();
                return SquadAttackDocument.Load(path, target, parse.GetValue(protectAnswers));
            case var glue when glue.StartsWith("glue:", StringComparison.Ordinal):
                var columnList = parse.GetValue(columns)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                options["columns"] = columnList == null ? "default" : string.Join(",", columnList);
                return TsvAttackDocument.Load(path, GlueLayouts.ByName(glue["glue:".Length..]), columnList);
            default:
                throw new ArgumentException($"unknown --task '{taskName}': use ner, pos, glue:<name> or squad");
        }
    }

    static AttackManifest RunWithProgress(IAttackDocument document, string inputPath, string task, IReadOnlyList<AttackSetRequest> sets, ulong seed,
        TaskKind kind, int threads, string outDir, IReadOnlyDictionary<string, string> options, bool showProgress)
    {
        if (!showProgress) return AttackRunner.Run(document, inputPath, task, sets, seed, kind, threads, outDir, options);
        AttackManifest? manifest = null;
        AnsiConsole.Progress().Start(context =>
        {
            var bar = context.AddTask($"attacking {document.FileName}", maxValue: (double)document.Records.Count * sets.Count);
            var gate = new object();
            manifest = AttackRunner.Run(document, inputPath, task, sets, seed, kind, threads, outDir, options,
                done => { lock (gate) bar.Increment(done); });
        });
        return manifest!;
    }

    static void PrintSummary(AttackManifest manifest, string outDir)
    {
        foreach (var set in manifest.Sets)
        {
            var s = set.Statistics;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{set.Name}: {s.WordsAttacked:N0} of {s.WordsEligible:N0} eligible words attacked ({s.WordsSeen:N0} seen, {s.Edits:N0} edits) -> {Path.Combine(outDir, set.Output.File)}"));
        }
    }
}
