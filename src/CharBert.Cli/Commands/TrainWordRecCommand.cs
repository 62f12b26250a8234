using System.CommandLine;
using CharBert.Cli.Options;
using CharBert.Text.IO;
using CharBert.Training;
using CharBert.Training.Runs;
using CharBert.Training.WordRecognition;
using static TorchSharp.torch;

namespace CharBert.Cli.Commands;

/// <summary>`charbert train-wordrec`: trains the ScRNN word recogniser (Pruthi et al. 2019), saves it as a
/// directory for `--word-recognizer DIR`, and reports word-recovery accuracy on attacked held-out text (printed, and
/// saved as word-recovery.json in that directory). With `--backoff background --background DIR`, the recogniser
/// trained before in DIR is copied inside the new one as background/ and decides the words the new one calls UNK.</summary>
public static class TrainWordRecCommand
{
    const int HeldOutEvery = 10;
    public const string RecoveryFileName = "word-recovery.json";

    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training text: plain (one sentence per line) or CoNLL (word in column 1)", Required = true };
        var evalFile = new Option<FileInfo?>("--eval") { Description = "Held-out text to attack and recover (default: every 10th sentence of --train, left out of training)" };
        var format = new Option<CorpusFormat>("--format") { Description = "auto | text | conll", DefaultValueFactory = _ => CorpusFormat.Auto };
        var output = new Option<DirectoryInfo>("--out") { Description = "New folder to write config.json, the weights (scrnn.safetensors), word-recovery.json and, for the background back-off, background/ into", Required = true };
        var overwrite = OverwriteOption.Create();
        var vocabSize = new Option<int>("--vocab-size") { Description = "Output vocabulary: most frequent training words (+ UNK)", DefaultValueFactory = _ => 10_000 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 10 };
        var batchSize = new Option<int>("--batch-size") { Description = "Sentences per step", DefaultValueFactory = _ => 32 };
        var learningRate = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3 };
        var seed = SeedOption.Create("Seed for noise, batching and weights");
        var noise = new Option<string>("--noise") { Description = "Training/evaluation noise types: any of swap,drop,add,key", DefaultValueFactory = _ => "swap,drop,add,key" };
        var backoff = new Option<UnkBackoff>("--backoff")
        {
            Description = "Output for UNK predictions: PassThrough (the input word), Neutral (\"a\") or Background (the --background recogniser's word; the input word where it predicts UNK too)",
            DefaultValueFactory = _ => UnkBackoff.PassThrough,
        };
        var background = new Option<DirectoryInfo?>("--background") { Description = "With --backoff background: a train-wordrec output directory, typically trained with a larger --vocab-size; copied into --out as background/" };
        var device = DeviceOption.Create();
        var threads = new Option<int?>("--threads") { Description = "libtorch CPU threads (default: libtorch's choice)" };

        var command = new Command("train-wordrec", "Train the ScRNN word recogniser and report word recovery on attacked held-out text");
        foreach (var option in new Option[] { train, evalFile, format, output, overwrite, vocabSize, epochs, batchSize, learningRate, seed, noise, backoff, background, device, threads })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) is { } n) set_num_threads(n);
            var outDir = parse.GetValue(output)!.FullName;
            OutputFolder.RequireFree(outDir, WordRecognizer.WeightsFileName, parse.GetValue(overwrite), "a word recogniser");
            var noiseTypes = ScrnnNoiseTypes.ParseList(parse.GetValue(noise)!);
            var options = new ScrnnTrainingOptions
            {
                VocabularySize = Positive(parse.GetValue(vocabSize), "--vocab-size"),
                Epochs = Positive(parse.GetValue(epochs), "--epochs"),
                BatchSize = Positive(parse.GetValue(batchSize), "--batch-size"),
                LearningRate = parse.GetValue(learningRate),
                NoiseTypes = noiseTypes,
                Backoff = parse.GetValue(backoff),
                Seed = parse.GetValue(seed),
            };
            var targetDevice = DeviceResolver.Resolve(parse.GetValue(device)!);
            var backgroundRecognizer = LoadBackground(options.Backoff, parse.GetValue(background), targetDevice);
            var corpusFormat = parse.GetValue(format);
            var sentences = WordRecognitionCorpus.ReadSentences(parse.GetValue(train)!.FullName, corpusFormat);
            IReadOnlyList<string[]> training = sentences, heldOut;
            if (parse.GetValue(evalFile) is { } evalInfo)
                heldOut = WordRecognitionCorpus.ReadSentences(evalInfo.FullName, corpusFormat);
            else
            {
                heldOut = sentences.Where((_, i) => i % HeldOutEvery == HeldOutEvery - 1).ToArray();
                training = sentences.Where((_, i) => i % HeldOutEvery != HeldOutEvery - 1).ToArray();
            }

            Console.WriteLine($"training on {training.Count} sentences, {training.Sum(s => s.Length)} words; noise {string.Join(",", noiseTypes.Select(t => t.ToName()))}; device {targetDevice}");
            var started = DateTime.UtcNow;
            using var recognizer = ScrnnTrainer.Train(training, options, targetDevice,
                (epoch, loss) => Console.WriteLine($"epoch {epoch}/{options.Epochs}: mean loss {loss:F4} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)"),
                backgroundRecognizer);
            var result = WordRecoveryEvaluation.Evaluate(recognizer, heldOut, noiseTypes, options.Seed + 1);
            OutputFolder.WriteStaged(outDir, WordRecognizer.WeightsFileName, parse.GetValue(overwrite), "a word recogniser", staging =>
            {
                recognizer.Save(staging);
                JsonFiles.Write(Path.Combine(staging, RecoveryFileName), result);
            });
            Console.WriteLine($"saved {outDir} (vocabulary {recognizer.Config.Words.Length} + UNK, alphabet {recognizer.Config.Alphabet.Length} chars)");
            if (recognizer.Background is { } copied)
                Console.WriteLine($"UNK words back off to the background recogniser copied into {Path.Combine(outDir, WordRecognizer.BackgroundDirectoryName)} (vocabulary {copied.Config.Words.Length} + UNK)");
            Console.WriteLine($"held-out: {heldOut.Count} sentences, {result.Words} words, {result.AttackedWords} changed by the attack");
            Console.WriteLine($"word recovery accuracy: {result.Accuracy:P2} (attacked words only: {result.AttackedAccuracy:P2}; no recogniser: {result.IdentityAccuracy:P2})");
            return 0;
        });
        return command;
    }

    static int Positive(int value, string name) =>
        value > 0 ? value : throw new UserFacingException($"{name} must be positive, got {value}");

    /// <summary>The background recogniser, checked before any training: given exactly with the background back-off,
    /// loadable, and itself ending in pass-through.</summary>
    static WordRecognizer? LoadBackground(UnkBackoff backoff, DirectoryInfo? directory, Device device)
    {
        if (backoff == UnkBackoff.Background && directory is null)
            throw new UserFacingException("--backoff background needs --background DIR (a train-wordrec output directory)");
        if (backoff != UnkBackoff.Background && directory is not null)
            throw new UserFacingException($"--background is only used with --backoff background (got --backoff {backoff})");
        if (directory is null) return null;
        WordRecognizer? loaded = null;
        try
        {
            loaded = WordRecognizer.Load(directory.FullName, device);
            WordRecognizer.RequireBackgroundFits(backoff, loaded);
            return loaded;
        }
        catch (Exception e) when (e is IOException or DataFormatException or ArgumentException)
        {
            loaded?.Dispose();
            throw new UserFacingException($"--background {directory.FullName}: {e.Message}", e);
        }
    }
}
