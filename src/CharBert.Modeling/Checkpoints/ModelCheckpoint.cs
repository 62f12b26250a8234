using System.Text.Json;
using System.Text.Json.Nodes;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;

namespace CharBert.Modeling.Checkpoints;

/// <summary>A model directory opened for loading: its weights file (resolved once, for every verb, by
/// <see cref="ModelDirectory.ResolveWeights"/>), the state dict read from it, and its config (config.json completed
/// from the weights' shapes, <see cref="CheckpointInspector.CompleteConfig"/>). Dispose it to free the weights.</summary>
public sealed class ModelCheckpoint : IDisposable
{
    private readonly JsonObject statedConfig;

    private ModelCheckpoint(string directory, string weightsPath, StateDict weights, JsonObject statedConfig, CharBertConfig config)
    {
        Directory = directory;
        WeightsPath = weightsPath;
        Weights = weights;
        this.statedConfig = statedConfig;
        Config = config;
    }

    public string Directory { get; }
    public string WeightsPath { get; }
    public StateDict Weights { get; }
    public CharBertConfig Config { get; }

    /// <param name="weightsFile">A weights file to use instead of the resolved one (a path, or a name inside the directory).</param>
    public static ModelCheckpoint Open(string directory, string? weightsFile = null)
    {
        if (!System.IO.Directory.Exists(directory)) throw new DirectoryNotFoundException($"model directory not found: {directory}");
        var configPath = Path.Combine(directory, ModelDirectory.ConfigFile);
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{configPath} not found: a model directory needs config.json", configPath);
        var stated = ReadJsonObject(configPath);
        var config = CharBertConfig.Load(configPath);
        var weightsPath = ModelDirectory.ResolveWeights(directory, weightsFile);
        var weights = StateDictFile.Read(weightsPath);
        try
        {
            return new ModelCheckpoint(directory, weightsPath, weights, stated, CheckpointInspector.CompleteConfig(config, stated, weights));
        }
        catch
        {
            weights.Dispose();
            throw;
        }
    }

    /// <summary>task.json when the directory has one (the toolkit's), else what the weights hold
    /// (<see cref="CheckpointInspector.InferTask"/>).</summary>
    public TaskInfo ReadTask(TaskHeadKind? classifierHint = null) =>
        File.Exists(Path.Combine(Directory, ModelDirectory.TaskFile))
            ? ModelDirectory.ReadTask(Directory)
            : CheckpointInspector.InferTask(Weights, statedConfig, WeightsPath, classifierHint);

    private static JsonObject ReadJsonObject(string path)
    {
        try
        {
            return JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new DataFormatException(path, 1, "expected a JSON object");
        }
        catch (JsonException e) { throw new DataFormatException(path, e.LineNumber is { } l ? l + 1 : 0, e.Message, e); }
    }

    public void Dispose() => Weights.Dispose();
}
