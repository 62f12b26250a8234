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
/// atomically (temp + rename).</summary>
public static class ModelDirectory
{
    public const string ConfigFile = "config.json";
    public const string WeightsFile = "model.safetensors";
    public const string TaskFile = "task.json";

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

    /// <summary>Builds the saved model on CPU, loads its weights strictly, then moves it to <paramref name="device"/>.</summary>
    public static ITaskModel Load(string directory, Device? device = null)
    {
        if (!Directory.Exists(directory)) throw new DirectoryNotFoundException($"model directory not found: {directory}");
        var config = CharBertConfig.Load(Path.Combine(directory, ConfigFile));
        var task = ReadTask(directory);
        var model = TaskModelFactory.Create(task.ModelKind, task.Head, config, task.NumLabels);
        var weightsPath = Path.Combine(directory, WeightsFile);
        using (NewDisposeScope())
            CheckpointLoader.Load(model.Module, SafetensorsFile.Open(weightsPath).LoadAll(), weightsPath);
        if (device is not null) model.Module.to(device);
        return model;
    }
}
