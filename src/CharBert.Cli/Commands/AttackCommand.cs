using System.CommandLine;
using CharBert.Cli.Options;
using System.Globalization;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using CharBert.Text.Tasks;

namespace CharBert.Cli.Commands;

/// <summary>`charbert attack`: writes character-attacked copies of a task file with a random recipe (mixed set and/or
/// one per edit type), with an edit log, statistics and a manifest, streaming the file in one pass. Same input +
/// recipe + seed gives identical bytes for any thread count. `charbert attack adversarial` is the model-guided search.</summary>
public static class AttackCommand
{
    public static Command Create()
    {
        var task = TaskOption.Create("the format of --input", required: true);
        var input = new Option<FileInfo>("--input") { Description = "Task file to attack", Required = true };
        var recipe = new Option<string>("--recipe") { Description = $"Recipe: {string.Join(", ", RecipeCatalog.Names)}", DefaultValueFactory = _ => "charbert2020" };
        var types = new Option<string?>("--types") { Description = "Comma-separated edit types (drop,add,swap,keyboard,substitute,homoglyph,ocr,case-flip,misspelling); default: the recipe's" };
        var rate = new Option<double?>("--rate") { Description = "Fraction of eligible words to attack (pruthi2019: per-word probability; rate: fraction per record)" };
        var seed = SeedOption.Create("Random seed");
        var sets = new Option<string>("--sets") { Description = "mixed | per-type | both: the mixed set, one set per edit type, or both", DefaultValueFactory = _ => "mixed" };
        var squadTarget = new Option<string>("--squad-target") { Description = "SQuAD: questions | contexts | both", DefaultValueFactory = _ => "questions" };
        var protectAnswers = new Option<bool>("--protect-answers") { Description = "SQuAD contexts: never attack words inside answer spans" };
        var tokens = new Option<string>("--tokens") { Description = "CoNLL: all | entities | non-entities (by the NER label column)", DefaultValueFactory = _ => "all" };
        var columns = new Option<string?>("--columns") { Description = "GLUE TSV: comma-separated text columns (header names or 0-based indexes); default: the task's text columns" };
        var misspellings = new Option<FileInfo?>("--misspellings") { Description = "TSV table 'correct<TAB>misspelling' for the misspelling edit (rate recipe)" };
        var editLog = new Option<string>("--edit-log") { Description = "csv | none: write the edit log (one row per edit) or not (corpus-scale noising)", DefaultValueFactory = _ => "csv" };
        var threads = new Option<int>("--threads") { Description = "Worker threads (output is identical for any value)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var output = new Option<DirectoryInfo>("--out") { Description = "Output folder (new, or one without another run unless --overwrite)", Required = true };
        var overwrite = OverwriteOption.Create();
        var quiet = new Option<bool>("--quiet") { Description = "No progress or summary" };
        var chunkBytes = new Option<int>("--chunk-bytes") { Hidden = true, DefaultValueFactory = _ => LineChunkReader.DefaultChunkBytes }; // tests: many chunk boundaries

        var command = new Command("attack", "Generate character-attacked sets with a random recipe (CharBERT 2020, Pruthi 2019, rate-based); " +
                                            "`attack adversarial` runs the model-guided search");
        foreach (var o in new Option[] { task, input, recipe, types, rate, seed, sets, squadTarget, protectAnswers, tokens, columns, misspellings, editLog, threads, output, overwrite, quiet, chunkBytes })
            command.Options.Add(o);
        command.Subcommands.Add(AttackAdversarialCommand.Create());

        command.SetAction((parse, cancellation) =>
        {
            var taskId = parse.GetValue(task)!;
            var inputFile = parse.GetValue(input)!;
            if (!inputFile.Exists) throw new FileNotFoundException($"input file not found: {inputFile.FullName}");
            var options = new Dictionary<string, string> { ["sets"] = parse.GetValue(sets)! };
            var format = AttackFormats.ForTask(taskId, FormatOptions(taskId, parse.GetValue(tokens)!, parse.GetValue(columns),
                parse.GetValue(squadTarget)!, parse.GetValue(protectAnswers), options));
            var typeList = parse.GetValue(types) is { } t ? PerturbationTypeNames.ParseList(t) : null;
            var rateSettings = parse.GetValue(misspellings) is { } table
                ? new RateRecipeSettings { Misspellings = Attacks.Resources.MisspellingTable.Load(table.FullName) }
                : null;
            var request = new RecipeRequest(format.WordKind, typeList, parse.GetValue(rate), rateSettings);
            var (mixed, perType) = parse.GetValue(sets) switch
            {
                "mixed" => (true, false),
                "per-type" => (false, true),
                "both" => (true, true),
                var other => throw new ArgumentException($"--sets must be mixed, per-type or both, not '{other}'"),
            };
            var logFormat = parse.GetValue(editLog) switch
            {
                "csv" => EditLogFormat.Csv,
                "none" => EditLogFormat.None,
                var other => throw new ArgumentException($"--edit-log must be csv or none, not '{other}'"),
            };
            var outDir = parse.GetValue(output)!.FullName;
            var quietRun = parse.GetValue(quiet);
            var job = new AttackJob
            {
                Format = format,
                InputPath = inputFile.FullName,
                Task = taskId,
                Sets = AttackRunner.Sets(parse.GetValue(recipe)!, request, mixed, perType),
                Seed = (ulong)parse.GetValue(seed),
                OutDir = outDir,
                Threads = Math.Max(1, parse.GetValue(threads)),
                Options = options,
                EditLog = logFormat,
                Overwrite = parse.GetValue(overwrite),
                ChunkBytes = Math.Max(16, parse.GetValue(chunkBytes)),
                Notice = message => Console.Error.WriteLine($"note: {message}"),
            };
            return Task.FromResult(InterruptibleRun.Run(cancellation, token =>
            {
                var manifest = quietRun
                    ? AttackRunner.Run(job, token)
                    : AttackProgressDisplay.Run(inputFile.Name, progress => AttackRunner.Run(job with { Progress = progress }, token));
                if (!quietRun) PrintSummary(manifest, outDir);
                return 0;
            }));
        });
        return command;
    }

    static AttackFormatOptions FormatOptions(TaskId task, string tokens, string? columns, string squadTarget, bool protectAnswers,
        Dictionary<string, string> manifestOptions)
    {
        switch (task.Format.File)
        {
            case TaskFileFormat.Conll:
                manifestOptions["tokens"] = tokens;
                return new AttackFormatOptions
                {
                    Tokens = tokens switch
                    {
                        "all" => ConllTokenFilter.All,
                        "entities" => ConllTokenFilter.EntitiesOnly,
                        "non-entities" => ConllTokenFilter.NonEntitiesOnly,
                        var other => throw new ArgumentException($"--tokens must be all, entities or non-entities, not '{other}'"),
                    },
                };
            case TaskFileFormat.SquadJson:
                manifestOptions["squad_target"] = squadTarget;
                manifestOptions["protect_answers"] = protectAnswers.ToString().ToLowerInvariant();
                return new AttackFormatOptions
                {
                    SquadTarget = squadTarget switch
                    {
                        "questions" => SquadTarget.Questions,
                        "contexts" => SquadTarget.Contexts,
                        "both" => SquadTarget.Both,
                        var other => throw new ArgumentException($"--squad-target must be questions, contexts or both, not '{other}'"),
                    },
                    ProtectAnswers = protectAnswers,
                };
            case TaskFileFormat.GlueTsv:
                var columnList = columns?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                manifestOptions["columns"] = columnList == null ? "default" : string.Join(",", columnList);
                return new AttackFormatOptions { Columns = columnList };
            default:
                return new AttackFormatOptions();
        }
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
