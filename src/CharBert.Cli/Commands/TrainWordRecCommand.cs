using System.CommandLine;
using CharBert.Training.WordRecognition;
using static TorchSharp.torch;

namespace CharBert.Cli.Commands;

/// <summary>`charbert train-wordrec`: trains the ScRNN word recogniser (Pruthi et al. 2019), saves it as a
/// directory for `--word-recognizer DIR`, and prints word-recovery accuracy on attacked held-out text.</summary>
public static class TrainWordRecCommand
{
    const int HeldOutEvery = 10;

    public static Command Create()
    {
        var train = new Option<FileInfo>("--train") { Description = "Training text: plain (one sentence per line) or CoNLL (word in column 1)", Required = true };
        var evalFile = new Option<FileInfo?>("--eval") { Description = "Held-out text to attack and recover (default: every 10th sentence of --train, left out of training)" };
        var format = new Option<CorpusFormat>("--format") { Description = "auto | text | conll", DefaultValueFactory = _ => CorpusFormat.Auto };
        var output = new Option<DirectoryInfo>("--out") { Description = "Directory to write config.json + weights into", Required = true };
        var vocabSize = new Option<int>("--vocab-size") { Description = "Output vocabulary: most frequent training words (+ UNK)", DefaultValueFactory = _ => 10_000 };
        var epochs = new Option<int>("--epochs") { Description = "Training epochs", DefaultValueFactory = _ => 10 };
        var batchSize = new Option<int>("--batch-size") { Description = "Sentences per step", DefaultValueFactory = _ => 32 };
        var learningRate = new Option<double>("--lr") { Description = "Adam learning rate", DefaultValueFactory = _ => 1e-3 };
        var seed = new Option<int>("--seed") { Description = "Seed for noise, batching and weights", DefaultValueFactory = _ => 42 };
        var noise = new Option<string>("--noise") { Description = "Training/evaluation noise types: any of swap,drop,add,key", DefaultValueFactory = _ => "swap,drop,add,key" };
        var backoff = new Option<UnkBackoff>("--backoff") { Description = "Output for UNK predictions: PassThrough (the input word) or Neutral (\"a\")", DefaultValueFactory = _ => UnkBackoff.PassThrough };
        var device = new Option<string>("--device") { Description = "cpu | cuda", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int?>("--threads") { Description = "libtorch CPU threads (default: libtorch's choice)" };

        var command = new Command("train-wordrec", "Train the ScRNN word recogniser and report word recovery on attacked held-out text");
        foreach (var option in new Option[] { train, evalFile, format, output, vocabSize, epochs, batchSize, learningRate, seed, noise, backoff, device, threads })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            if (parse.GetValue(threads) is { } n) set_num_threads(n);
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

            var targetDevice = ParseDevice(parse.GetValue(device)!);
            Console.WriteLine($"training on {training.Count} sentences, {training.Sum(s => s.Length)} words; noise {string.Join(",", noiseTypes.Select(t => t.ToName()))}; device {targetDevice}");
            var started = DateTime.UtcNow;
            using var recognizer = ScrnnTrainer.Train(training, options, targetDevice,
                (epoch, loss) => Console.WriteLine($"epoch {epoch}/{options.Epochs}: mean loss {loss:F4} ({(DateTime.UtcNow - started).TotalSeconds:F0} s)"));
            var outDir = parse.GetValue(output)!.FullName;
            recognizer.Save(outDir);
            Console.WriteLine($"saved {outDir} (vocabulary {recognizer.Config.Words.Length} + UNK, alphabet {recognizer.Config.Alphabet.Length} chars)");

            var result = WordRecoveryEvaluation.Evaluate(recognizer, heldOut, noiseTypes, options.Seed + 1);
            Console.WriteLine($"held-out: {heldOut.Count} sentences, {result.Words} words, {result.AttackedWords} changed by the attack");
            Console.WriteLine($"word recovery accuracy: {result.Accuracy:P2} (attacked words only: {result.AttackedAccuracy:P2}; no recogniser: {result.IdentityAccuracy:P2})");
            return 0;
        });
        return command;
    }

    static int Positive(int value, string name) =>
        value > 0 ? value : throw new UserFacingException($"{name} must be positive, got {value}");

    static Device ParseDevice(string name)
    {
        if (name.Equals("cpu", StringComparison.OrdinalIgnoreCase)) return CPU;
        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase))
            return cuda.is_available() ? device(name) : throw new UserFacingException("--device cuda requested but CUDA is not available in this build/machine");
        throw new UserFacingException($"unknown --device '{name}' (cpu | cuda)");
    }
}
