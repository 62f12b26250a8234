using System.Text.Json;
using System.Text.Json.Serialization;
using CharBert.Modeling.WordRecognition;
using CharBert.Text.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>A trained ScRNN word recogniser (Pruthi et al. 2019) put in front of a model: every word is
/// replaced by the ScRNN's prediction; an UNK prediction falls back to <see cref="ScrnnConfig.Backoff"/>.
/// Predictions are lower-case vocabulary words; the input's capitalisation (Title or UPPER) is put back.
/// Saved as a directory: config.json + the weights (<see cref="ScrnnWeights"/>), and for the background back-off
/// the background recogniser's own directory inside as background/, so that the directory stands alone.</summary>
public sealed class WordRecognizer : IDisposable
{
    public const string ConfigFileName = "config.json";
    public const string WeightsFileName = ScrnnWeights.FileName;
    public const string BackgroundDirectoryName = "background";
    const int InferenceBatchSize = 64;

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    readonly ScrnnModel model;
    readonly ScrnnWordEncoder encoder;
    readonly Device device;

    public ScrnnConfig Config { get; }

    /// <summary>The recogniser UNK words are deferred to; set exactly when the back-off is <see cref="UnkBackoff.Background"/>.</summary>
    public WordRecognizer? Background { get; }

    /// <summary>Takes ownership of <paramref name="model"/> and <paramref name="background"/>.</summary>
    public WordRecognizer(ScrnnConfig config, ScrnnModel model, Device device, WordRecognizer? background = null)
    {
        RequireBackgroundFits(config.Backoff, background);
        Config = config;
        this.model = model;
        this.device = device;
        encoder = new ScrnnWordEncoder(config.Alphabet);
        Background = background;
    }

    /// <summary>A background recogniser is given exactly for the background back-off, and it must itself end in
    /// pass-through (its own back-off pass-through or background), as Pruthi et al.'s back-off chain does.</summary>
    public static void RequireBackgroundFits(UnkBackoff backoff, WordRecognizer? background)
    {
        if (backoff == UnkBackoff.Background && background is null)
            throw new ArgumentException("the background back-off needs a background recogniser");
        if (backoff != UnkBackoff.Background && background is not null)
            throw new ArgumentException($"a background recogniser is only used by the background back-off, not by {backoff}");
        if (background?.Config.Backoff == UnkBackoff.Neutral)
            throw new ArgumentException("the background recogniser must pass the words it does not know through, but its own back-off is Neutral");
    }

    internal ScrnnModel Model => model;
    internal ScrnnWordEncoder Encoder => encoder;

    public string[] Recognize(string[] words) => words.Length == 0 ? [] : RecognizeSentences([words])[0];

    /// <summary>Recognises many sentences, batched. With the background back-off, the sentences holding an UNK
    /// prediction go whole (the same context) and batched to the background recogniser.</summary>
    public string[][] RecognizeSentences(IReadOnlyList<string[]> sentences)
    {
        var known = PredictVocabularyWords(sentences);
        var deferred = Background is null ? [] : Enumerable.Range(0, sentences.Count).Where(i => known[i].Contains(null)).ToArray();
        var fromBackground = deferred.Length == 0 ? [] : Background!.RecognizeSentences(deferred.Select(i => sentences[i]).ToArray());
        var backgroundOf = deferred.Zip(fromBackground).ToDictionary(p => p.First, p => p.Second);

        var results = new string[sentences.Count][];
        for (var s = 0; s < sentences.Count; s++)
        {
            results[s] = new string[sentences[s].Length];
            for (var i = 0; i < sentences[s].Length; i++)
                results[s][i] = known[s][i] ?? Config.Backoff switch
                {
                    UnkBackoff.Neutral => Config.NeutralWord,
                    UnkBackoff.Background => backgroundOf[s][i],
                    _ => sentences[s][i],
                };
        }
        return results;
    }

    /// <summary>The predicted vocabulary word of every input word (its capitalisation restored), null for UNK.</summary>
    string?[][] PredictVocabularyWords(IReadOnlyList<string[]> sentences)
    {
        var results = new string?[sentences.Count][];
        model.eval();
        using var noGrad = no_grad();
        for (var start = 0; start < sentences.Count; start += InferenceBatchSize)
        {
            var batch = sentences.Skip(start).Take(InferenceBatchSize).Where(s => s.Length > 0).ToArray();
            var predicted = batch.Length == 0 ? [] : PredictClasses(batch);
            var next = 0;
            for (var i = start; i < Math.Min(start + InferenceBatchSize, sentences.Count); i++)
                results[i] = sentences[i].Length == 0 ? [] : Decode(sentences[i], predicted[next++]);
        }
        return results;
    }

    long[][] PredictClasses(string[][] batch)
    {
        using var scope = NewDisposeScope();
        var (words, lengths) = ScrnnBatch.EncodeInputs(batch, encoder, device);
        var best = model.call(words, lengths).argmax(-1).cpu();  // (B, T, K) -> (B, T), K word classes
        var flat = best.data<long>().ToArray();
        var width = (int)best.shape[1];
        return batch.Select((s, b) => flat.AsSpan(b * width, s.Length).ToArray()).ToArray();
    }

    string?[] Decode(string[] input, long[] classes) =>
        input.Select((word, i) => classes[i] == Config.UnkClass ? null : RestoreCase(word, Config.Words[classes[i]])).ToArray();

    static string RestoreCase(string input, string predicted)
    {
        if (input.Length > 1 && input.All(c => !char.IsLetter(c) || char.IsUpper(c)) && input.Any(char.IsLetter))
            return predicted.ToUpperInvariant();
        if (input.Length > 0 && char.IsUpper(input[0]) && predicted.Length > 0)
            return char.ToUpperInvariant(predicted[0]) + predicted[1..];
        return predicted;
    }

    /// <summary>Writes the background recogniser (into background/), the weights and last config.json into
    /// <paramref name="directory"/>, each file atomically.</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        Background?.Save(Path.Combine(directory, BackgroundDirectoryName));
        ScrnnWeights.Save(model, directory);
        AtomicFile.WriteAllText(Path.Combine(directory, ConfigFileName), JsonSerializer.Serialize(Config, JsonOptions));
    }

    public static WordRecognizer Load(string directory, Device? device = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"word-recogniser directory not found: {directory}");
        var configPath = Path.Combine(directory, ConfigFileName);
        if (!File.Exists(configPath)) throw new FileNotFoundException($"not a word-recogniser directory (no {ConfigFileName}): {directory}", configPath);
        var config = ReadConfig(configPath);
        device ??= CPU;
        var background = config.Backoff == UnkBackoff.Background ? LoadBackground(directory, configPath, device) : null;
        var model = config.CreateModel();
        try
        {
            ScrnnWeights.Load(model, directory);
        }
        catch
        {
            model.Dispose();
            background?.Dispose();
            throw;
        }
        model.to(device);
        return new WordRecognizer(config, model, device, background);
    }

    static ScrnnConfig ReadConfig(string configPath)
    {
        ScrnnConfig config;
        try
        {
            config = JsonSerializer.Deserialize<ScrnnConfig>(File.ReadAllText(configPath), JsonOptions)
                     ?? throw new DataFormatException(configPath, 0, "empty configuration");
        }
        catch (JsonException e)
        {
            throw JsonErrors.InFile(configPath, e, "invalid word-recogniser configuration: ");
        }
        if (config.Alphabet.Length == 0 || config.Words.Length == 0 || config.HiddenSize <= 0)
            throw new DataFormatException(configPath, 0, "alphabet, words and hidden size must be non-empty / positive");
        return config;
    }

    static WordRecognizer LoadBackground(string directory, string configPath, Device device)
    {
        var backgroundDirectory = Path.Combine(directory, BackgroundDirectoryName);
        if (!Directory.Exists(backgroundDirectory))
            throw new DataFormatException(configPath, 0, $"the back-off is background, but the background recogniser directory {backgroundDirectory} is missing");
        var background = Load(backgroundDirectory, device);
        try
        {
            RequireBackgroundFits(UnkBackoff.Background, background);
        }
        catch (ArgumentException e)
        {
            background.Dispose();
            throw new DataFormatException(Path.Combine(backgroundDirectory, ConfigFileName), 0, e.Message, e);
        }
        return background;
    }

    public void Dispose()
    {
        model.Dispose();
        Background?.Dispose();
    }
}
