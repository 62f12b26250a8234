using CharBert.Modeling.Heads;
using TorchSharp;
using System.Text.Json;
using System.Text.Json.Serialization;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>task.json of a model directory: which encoder and head, and the label names (index = label id).</summary>
public sealed record TaskInfo
{
    [JsonPropertyName("model_kind")] public ModelKind ModelKind { get; init; }
    [JsonPropertyName("head")] public TaskHeadKind Head { get; init; }
    [JsonPropertyName("num_labels")] public int NumLabels { get; init; }
    [JsonPropertyName("labels")] public IReadOnlyList<string>? Labels { get; init; }
}

/// <summary>The toolkit's saved model: a directory with config.json (HF names + CharBERT switches), model.safetensors
/// (state_dict, original key names), task.json and optional vocabulary files copied alongside. Every file is written
/// atomically (temp + rename). Read, a model directory may also be the original code's or Hugging Face's: config.json
/// with pytorch_model.bin (zip or legacy format) or sharded weights, and no task.json.</summary>
public static class ModelDirectory
{
    public const string ConfigFile = "config.json";
    public const string WeightsFile = "model.safetensors";
    public const string TaskFile = "task.json";

    /// <summary>The weights files a directory may hold, in order of preference (as transformers' from_pretrained:
    /// safetensors first, then PyTorch's .bin; a shard index where the single file is absent).</summary>
    public static readonly IReadOnlyList<string> WeightsFiles =
        [WeightsFile, WeightsFile + ".index.json", "pytorch_model.bin", "pytorch_model.bin.index.json"];

    /// <summary>The one place that decides which file holds a directory's weights: <paramref name="weightsFile"/> when
    /// given (a path, or a name inside the directory), else the first of <see cref="WeightsFiles"/> present.</summary>
    public static string ResolveWeights(string directory, string? weightsFile = null)
    {
        if (weightsFile is not null)
        {
            var inDirectory = Path.Combine(directory, weightsFile); // weightsFile itself when it is an absolute path
            var path = File.Exists(inDirectory) ? inDirectory : weightsFile;
            return File.Exists(path) ? path : throw new FileNotFoundException($"weights file not found: {inDirectory}", inDirectory);
        }
        return WeightsFiles.Select(name => Path.Combine(directory, name)).FirstOrDefault(File.Exists)
               ?? throw new FileNotFoundException($"no weights in {directory}: expected one of {string.Join(", ", WeightsFiles)}",
                   Path.Combine(directory, WeightsFile));
    }

    public static void Save(string directory, ITaskModel model, IReadOnlyList<string>? labels = null, IEnumerable<string>? vocabularyFiles = null)
    {
        Directory.CreateDirectory(directory);
        model.Config.Save(Path.Combine(directory, ConfigFile));
        var task = new TaskInfo { ModelKind = model.Kind, Head = model.Head, NumLabels = model.NumLabels, Labels = labels };
        AtomicFile.WriteAllText(Path.Combine(directory, TaskFile), JsonSerializer.Serialize(task, CharBertConfig.JsonOptions));
        SafetensorsWriter.Write(Path.Combine(directory, WeightsFile), model.Module.state_dict(),
            new Dictionary<string, string> { ["format"] = "charbert.net", ["head"] = model.Head.ToString() });
        foreach (var file in vocabularyFiles ?? [])
            AtomicFile.Write(Path.Combine(directory, Path.GetFileName(file)), s => { using var source = File.OpenRead(file); source.CopyTo(s); });
    }

    public static TaskInfo ReadTask(string directory)
    {
        var path = Path.Combine(directory, TaskFile);
        try
        {
            return JsonSerializer.Deserialize<TaskInfo>(File.ReadAllText(path), CharBertConfig.JsonOptions)
                   ?? throw new DataFormatException(path, 1, "expected a JSON object");
        }
        catch (JsonException e) { throw JsonErrors.InFile(path, e); }
    }

    /// <summary>Builds the saved model on CPU, loads its weights strictly, then moves it to <paramref name="device"/>.
    /// Without task.json the encoder and head are the ones the weights hold (<see cref="ModelCheckpoint.ReadTask"/>).</summary>
    /// <param name="weightsFile">Another weights file than the resolved one (<see cref="ResolveWeights"/>).</param>
    /// <param name="classifierHint">Token or sequence classification, for a classifier the directory does not name.</param>
    public static ITaskModel Load(string directory, Device? device = null, string? weightsFile = null, TaskHeadKind? classifierHint = null)
    {
        using var checkpoint = ModelCheckpoint.Open(directory, weightsFile);
        var task = checkpoint.ReadTask(classifierHint);
        var model = TaskModelFactory.Create(task.ModelKind, task.Head, checkpoint.Config, task.NumLabels);
        using (NewDisposeScope())
            CheckpointLoader.Load(model.Module, checkpoint.Weights, checkpoint.WeightsPath);
        if (device is not null) model.Module.to(device);
        return model;
    }
}
