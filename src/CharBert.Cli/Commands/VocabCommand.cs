using System.CommandLine;
using CharBert.Text.Vocab;
using CharBert.Training;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert vocab build`: vocab.txt, bert_char_vocab and term_vocab from plain-text corpora.</summary>
public static class VocabCommand
{
    public static Command Create()
    {
        var command = new Command("vocab", "Vocabularies a CharBERT model reads (vocab.txt, bert_char_vocab, term_vocab)");
        command.Subcommands.Add(Build());
        return command;
    }

    static Command Build()
    {
        var train = new Option<string[]>("--train") { Description = "Plain-text corpus file(s), UTF-8", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--out") { Description = "Folder for vocab.txt, bert_char_vocab, term_vocab and tokenizer_config.json (a --vocab folder)", Required = true };
        var wordPieceSize = new Option<int>("--wordpiece-size") { Description = "Entries of the trained WordPiece vocabulary", DefaultValueFactory = _ => new VocabularyBuildOptions().WordPieceSize };
        var lowerCase = new Option<bool?>("--lower-case") { Description = "Uncased (lower-case, strip accents) as BERT's uncased models (default: cased; with --from, as its tokenizer_config.json says)" };
        var from = new Option<string?>("--from") { Description = "Use this vocab.txt (e.g. a BERT checkpoint's) instead of training one" };
        var charSize = new Option<int>("--char-size") { Description = "Characters in bert_char_vocab (plus its space line and <unk>; the original: 999)", DefaultValueFactory = _ => new VocabularyBuildOptions().MaxChars };
        var termSize = new Option<int>("--term-size") { Description = "Words in term_vocab (plus <unk>; the original: 30,000)", DefaultValueFactory = _ => new VocabularyBuildOptions().TermSize };
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (also when output is redirected or CI=true)" };
        var command = new Command("build", "Build the WordPiece, character and NLM term vocabularies from corpora");
        foreach (var option in new Option[] { train, output, wordPieceSize, lowerCase, from, charSize, termSize, quiet }) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var fromPath = parse.GetValue(from);
            var options = new VocabularyBuildOptions
            {
                WordPieceSize = parse.GetValue(wordPieceSize), FromWordPiece = fromPath, MaxChars = parse.GetValue(charSize), TermSize = parse.GetValue(termSize),
                LowerCase = TokenizerConfigFile.ResolveLowerCase(parse.GetValue(lowerCase), fromPath is null ? null : Path.GetDirectoryName(Path.GetFullPath(fromPath))),
            };
            var files = parse.GetValue(train)!;
            var outputDirectory = parse.GetValue(output)!;
            var result = parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment
                ? VocabularyBuilder.Build(files, outputDirectory, options)
                : BuildWithProgress(files, outputDirectory, options);
            Console.WriteLine($"{result.Lines:N0} lines, {result.Words:N0} words ({result.DistinctWords:N0} distinct, {(result.LowerCase ? "uncased" : "cased")})");
            Console.WriteLine($"  {ModelVocabularyFiles.WordPiece,-16} {result.WordPieceEntries,7:N0} entries ({(result.WordPieceTrained ? "trained" : "from " + fromPath)})");
            Console.WriteLine($"  {ModelVocabularyFiles.Chars,-16} {result.CharEntries,7:N0} entries");
            Console.WriteLine($"  {ModelVocabularyFiles.Terms,-16} {result.TermEntries,7:N0} entries");
            Console.WriteLine($"written to {result.Directory} (pass it as --vocab)");
            return 0;
        });
        return command;
    }

    static VocabularyBuildResult BuildWithProgress(string[] files, string outputDirectory, VocabularyBuildOptions options)
    {
        VocabularyBuildResult? result = null;
        AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var reading = context.AddTask("reading corpora", maxValue: 1);
                ProgressTask? training = null;
                var clock = System.Diagnostics.Stopwatch.StartNew();
                result = VocabularyBuilder.Build(files, outputDirectory, options, step =>
                {
                    if (step.Stage == VocabularyBuildStage.Reading)
                        reading.Description = $"reading corpora ({step.Done / 1e6 / Math.Max(clock.Elapsed.TotalSeconds, 1e-3):F1} MB/s)";
                    else if (!reading.IsFinished) reading.StopTask(); // its clock stops with the reading
                    var task = step.Stage == VocabularyBuildStage.Reading
                        ? reading
                        : training ??= context.AddTask("training WordPiece (entries)", maxValue: step.Total);
                    task.MaxValue = Math.Max(1, step.Total);
                    task.Value = step.Done;
                });
                reading.StopTask();
                training?.Value(training.MaxValue); // merges may run out before the target size
            });
        return result!;
    }
}
