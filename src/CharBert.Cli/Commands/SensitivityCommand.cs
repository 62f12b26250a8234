using System.CommandLine;
using System.Globalization;
using CharBert.Cli.Options;
using CharBert.Modeling;
using CharBert.Text.IO;
using CharBert.Experiments.Sensitivity;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.Tasks;
using CharBert.Training;
using CharBert.Training.Tasks;

namespace CharBert.Cli.Commands;

/// <summary>`charbert sensitivity`: how far each word's representation moves when the sentence is attacked
/// (S = mean(1 − cos), the paper's §6.3), per word and over the corpus, split into attacked and unattacked words.</summary>
public static class SensitivityCommand
{
    public static Command Create()
    {
        var model = new Option<string>("--model") { Description = "Model: " + ModelOptions.SourceHelp + " (config.json, model.safetensors, task.json, vocab files)", Required = true };
        var clean = new Option<FileInfo>("--clean") { Description = "Clean test file", Required = true };
        var attacked = new Option<FileInfo>("--attacked") { Description = "Attacked version of the same file (same records, same word counts)", Required = true };
        var task = TaskOption.Create("the format of --clean and --attacked", required: true, TaskFamily.Ner, TaskFamily.Pos, TaskFamily.Glue);
        var layer = new Option<int>("--layer") { Description = "0 = embeddings, i = layer i, -1 = last", DefaultValueFactory = _ => -1 };
        var pooling = new Option<string>("--pooling") { Description = "Subwords to word: first | mean", DefaultValueFactory = _ => "first" };
        var channel = new Option<string>("--channel") { Description = "token | char | concat", DefaultValueFactory = _ => "concat" };
        var vocab = new Option<DirectoryInfo?>("--vocab") { Description = "Folder with vocab.txt and bert_char_vocab (default: the model directory)" };
        var lowerCase = ModelOptions.DoLowerCase("--lower-case");
        var maxSeqLength = new Option<int?>("--max-seq-length") { Description = $"Subword positions per sentence; later words are skipped (default {DefaultMaxSeqLength}, or the model's max_position_embeddings when smaller)" };
        var batchSize = new Option<int>("--batch-size") { DefaultValueFactory = _ => 32 };
        var device = DeviceOption.Create();
        var wordRecognizer = new Option<DirectoryInfo?>("--word-recognizer") { Description = "ScRNN word recogniser (train-wordrec) in front of the model: both sentences are recognised before encoding" };
        var output = new Option<DirectoryInfo>("--out") { Description = "New folder for sensitivity-words.csv and sensitivity-summary.csv", Required = true };
        var overwrite = OverwriteOption.Create();
        var command = new Command("sensitivity", "Per-word and corpus sensitivity S = mean(1 - cos) between clean and attacked sentences");
        foreach (var option in new Option[] { model, clean, attacked, task, layer, pooling, channel, vocab, lowerCase, maxSeqLength, batchSize, device, wordRecognizer, output, overwrite })
            command.Options.Add(option);
        command.SetAction(parse =>
        {
            var outDir = parse.GetValue(output)!.FullName;
            var modelDir = ModelOptions.Resolve(parse.GetValue(model)!);
            OutputFolder.RequireFree(outDir, SensitivityFiles.SummaryFile, parse.GetValue(overwrite), "sensitivity results");
            var settings = new SensitivitySettings(parse.GetValue(layer), SensitivitySettings.ParsePooling(parse.GetValue(pooling)!),
                SensitivitySettings.ParseChannel(parse.GetValue(channel)!), parse.GetValue(maxSeqLength) ?? DefaultFor(modelDir), parse.GetValue(batchSize));
            var result = SensitivityAnalysis.RunOnFiles(modelDir, parse.GetValue(vocab)?.FullName, parse.GetValue(lowerCase),
                parse.GetValue(task)!, parse.GetValue(clean)!.FullName, parse.GetValue(attacked)!.FullName, settings, parse.GetValue(device)!,
                parse.GetValue(wordRecognizer)?.FullName);
            OutputFolder.WriteStaged(outDir, SensitivityFiles.SummaryFile, parse.GetValue(overwrite), "sensitivity results",
                staging => SensitivityFiles.Write(staging, result, settings));
            foreach (var row in SensitivityFiles.Summary(result, settings))
                Console.WriteLine($"S({row.Split}) = {(row.S is { } s ? s.ToString("0.0000", CultureInfo.InvariantCulture) : "n/a")} over {row.Words} word(s)");
            if (result.SkippedWords > 0) Console.WriteLine($"{result.SkippedWords} word(s) skipped (no subwords, or past --max-seq-length)");
            Console.WriteLine($"written to {outDir}");
            return 0;
        });
        return command;
    }

    const int DefaultMaxSeqLength = 128;

    /// <summary>128 positions, or fewer when the model has fewer (the tiny preset has 64).</summary>
    static int DefaultFor(string modelDir)
    {
        var config = Path.Combine(modelDir, "config.json");
        return File.Exists(config) ? Math.Min(DefaultMaxSeqLength, CharBertConfig.Load(config).MaxPositionEmbeddings) : DefaultMaxSeqLength;
    }
}
