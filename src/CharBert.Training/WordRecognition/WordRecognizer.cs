using System.Text.Json;
using System.Text.Json.Serialization;
using CharBert.Text.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>A trained ScRNN word recogniser (Pruthi et al. 2019) put in front of a model: every word is
/// replaced by the ScRNN's prediction; an UNK prediction falls back to <see cref="ScrnnConfig.Backoff"/>.
/// Predictions are lower-case vocabulary words; the input's capitalisation (Title or UPPER) is put back.
/// Saved as a directory: config.json + scrnn.weights (TorchSharp's own module format).</summary>
public sealed class WordRecognizer : IDisposable
{
    public const string ConfigFileName = "config.json";
    public const string WeightsFileName = "scrnn.weights";
    const int InferenceBatchSize = 64;

    static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    readonly ScrnnModel _model;
    readonly ScrnnWordEncoder _encoder;
    readonly Device _device;

    public ScrnnConfig Config { get; }

    /// <summary>Takes ownership of <paramref name="model"/>.</summary>
    public WordRecognizer(ScrnnConfig config, ScrnnModel model, Device device)
    {
        Config = config;
        _model = model;
        _device = device;
        _encoder = new ScrnnWordEncoder(config.Alphabet);
    }

    internal ScrnnModel Model => _model;
    internal ScrnnWordEncoder Encoder => _encoder;

    public string[] Recognize(string[] words) => words.Length == 0 ? [] : RecognizeSentences([words])[0];

    /// <summary>Recognises many sentences, batched.</summary>
    public string[][] RecognizeSentences(IReadOnlyList<string[]> sentences)
    {
        var results = new string[sentences.Count][];
        _model.eval();
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
        var (words, lengths) = ScrnnBatch.EncodeInputs(batch, _encoder, _device);
        var best = _model.call(words, lengths).argmax(-1).cpu();
        var flat = best.data<long>().ToArray();
        var width = (int)best.shape[1];
        return batch.Select((s, b) => flat.AsSpan(b * width, s.Length).ToArray()).ToArray();
    }

    string[] Decode(string[] input, long[] classes)
    {
        var output = new string[input.Length];
        for (var i = 0; i < input.Length; i++)
        {
            if (classes[i] != Config.UnkClass) output[i] = RestoreCase(input[i], Config.Words[classes[i]]);
            else output[i] = Config.Backoff == UnkBackoff.Neutral ? Config.NeutralWord : input[i];
        }
        return output;
    }

    static string RestoreCase(string input, string predicted)
    {
        if (input.Length > 1 && input.All(c => !char.IsLetter(c) || char.IsUpper(c)) && input.Any(char.IsLetter))
            return predicted.ToUpperInvariant();
        if (input.Length > 0 && char.IsUpper(input[0]) && predicted.Length > 0)
            return char.ToUpperInvariant(predicted[0]) + predicted[1..];
        return predicted;
    }

    /// <summary>Writes config.json and the weights into <paramref name="directory"/> (each via a temp file + rename).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var configPath = Path.Combine(directory, ConfigFileName);
        File.WriteAllText(configPath + ".tmp", JsonSerializer.Serialize(Config, JsonOptions));
        File.Move(configPath + ".tmp", configPath, overwrite: true);
        var weightsPath = Path.Combine(directory, WeightsFileName);
        _model.save(weightsPath + ".tmp");
        File.Move(weightsPath + ".tmp", weightsPath, overwrite: true);
    }

    public static WordRecognizer Load(string directory, Device? device = null)
    {
        var configPath = Path.Combine(directory, ConfigFileName);
        var weightsPath = Path.Combine(directory, WeightsFileName);
        if (!File.Exists(configPath)) throw new FileNotFoundException($"not a word-recogniser directory (no {ConfigFileName}): {directory}", configPath);
        if (!File.Exists(weightsPath)) throw new FileNotFoundException($"word-recogniser weights missing: {weightsPath}", weightsPath);
        ScrnnConfig config;
        try
        {
            config = JsonSerializer.Deserialize<ScrnnConfig>(File.ReadAllText(configPath), JsonOptions)
                     ?? throw new DataFormatException(configPath, 0, "empty configuration");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(configPath, e.LineNumber + 1 ?? 0, $"invalid word-recogniser configuration: {e.Message}", e);
        }
        if (config.Alphabet.Length == 0 || config.Words.Length == 0 || config.HiddenSize <= 0)
            throw new DataFormatException(configPath, 0, "alphabet, words and hidden size must be non-empty / positive");
        device ??= CPU;
        var model = ScrnnModel.For(config);
        model.load(weightsPath);
        model.to(device);
        return new WordRecognizer(config, model, device);
    }

    public void Dispose() => _model.Dispose();
}
