using CharBert.Modeling.Safetensors;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>Loads published checkpoints (converted to safetensors) into a task model.</summary>
public static class PretrainedCheckpoints
{
    private static readonly string[] TokenChannelPrefixes = ["bert.embeddings.", "bert.encoder.layer.", "bert.pooler."];

    private static bool IsHeadKey(string key) => !key.StartsWith("bert.", StringComparison.Ordinal);

    /// <summary>An original CharBERT checkpoint (keys bert.*, cls.predictions.*, classifier.*, qa_outputs.*).
    /// With <paramref name="freshHead"/> the task head keeps its initialisation (e.g. fine-tuning from the pre-trained
    /// model): head keys may then be missing from, or extra to, the checkpoint. The encoder is always strict.</summary>
    public static void LoadCharBert(ITaskModel model, string safetensorsPath, bool freshHead = false)
    {
        var options = freshHead ? new CheckpointLoadOptions { MayBeMissing = IsHeadKey, MayBeUnexpected = IsHeadKey } : CheckpointLoadOptions.Strict;
        using var scope = NewDisposeScope();
        CheckpointLoader.Load(model.Module, SafetensorsFile.Open(safetensorsPath).LoadAll(), safetensorsPath, options);
    }

    /// <summary>A Hugging Face BERT checkpoint (directory with model.safetensors + config.json; keys with or without
    /// the "bert." prefix; old LayerNorm.gamma/beta names) into the token channel. The char channel, the fusion and
    /// the task head keep their fresh initialisation; the transformer, embeddings and pooler must all be present.</summary>
    public static void LoadHuggingFaceBert(ITaskModel model, string directory)
    {
        var configPath = Path.Combine(directory, ModelDirectory.ConfigFile);
        var hf = CharBertConfig.Load(configPath);
        var c = model.Config;
        if ((hf.VocabSize, hf.HiddenSize, hf.NumHiddenLayers, hf.NumAttentionHeads, hf.IntermediateSize) !=
            (c.VocabSize, c.HiddenSize, c.NumHiddenLayers, c.NumAttentionHeads, c.IntermediateSize))
            throw new Text.IO.DataFormatException(configPath, 0,
                $"BERT config (vocab {hf.VocabSize}, hidden {hf.HiddenSize}, layers {hf.NumHiddenLayers}, heads {hf.NumAttentionHeads}, intermediate {hf.IntermediateSize}) differs from the model's");
        var path = Path.Combine(directory, ModelDirectory.WeightsFile);
        using var scope = NewDisposeScope();
        var checkpoint = SafetensorsFile.Open(path).LoadAll()
            .Where(p => !p.Key.StartsWith("cls.", StringComparison.Ordinal))  // BERT's pre-training heads are not used
            .ToDictionary(p => p.Key.StartsWith("bert.", StringComparison.Ordinal) ? p.Key : "bert." + p.Key, p => p.Value);
        var options = new CheckpointLoadOptions
        {
            MayBeMissing = key => !TokenChannelPrefixes.Any(key.StartsWith),
        };
        CheckpointLoader.Load(model.Module, checkpoint, path, options);
    }
}
