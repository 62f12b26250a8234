using System.Text.RegularExpressions;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>What <see cref="PretrainedCheckpoints.LoadMatching"/> took from a checkpoint: the model keys it left with
/// their fresh initialisation, and the checkpoint keys the model has no place for.</summary>
public sealed record PartialLoadReport(string Checkpoint, IReadOnlyList<string> Fresh, IReadOnlyList<string> Dropped);

/// <summary>Loads published checkpoints (any format <see cref="StateDictFile"/> reads) into a task model.</summary>
public static partial class PretrainedCheckpoints
{
    private static readonly string[] TokenChannelPrefixes = ["bert.embeddings.", "bert.encoder.layer.", "bert.pooler."];
    private static readonly string[] HuggingFaceBertPrefixes = ["embeddings.", "encoder.", "pooler."];
    private const string FusionPrefix = "bert.encoder.fusion_layer_list.";
    private const string TiedDecoderKey = "cls.predictions.decoder.weight";

    [GeneratedRegex(@"^bert\.encoder\.fusion_layer_list\.(?<index>\d+)\.(?<rest>.+)$")]
    private static partial Regex FusionKey();

    private static bool IsHeadKey(string key) => !key.StartsWith("bert.", StringComparison.Ordinal);
    private static bool IsTokenChannel(string key) => TokenChannelPrefixes.Any(key.StartsWith);

    /// <summary>An original CharBERT checkpoint (keys bert.*, cls.predictions.*, classifier.*, qa_outputs.*).
    /// With <paramref name="freshHead"/> the task head keeps its initialisation (e.g. fine-tuning from the pre-trained
    /// model): head keys may then be missing from, or extra to, the checkpoint. The encoder is always strict.</summary>
    public static void LoadCharBert(ITaskModel model, string weightsPath, bool freshHead = false)
    {
        using var weights = StateDictFile.Read(weightsPath);
        LoadCharBert(model, weights, freshHead);
    }

    /// <inheritdoc cref="LoadCharBert(ITaskModel, string, bool)"/>
    public static void LoadCharBert(ITaskModel model, StateDict weights, bool freshHead = false)
    {
        var options = freshHead ? new CheckpointLoadOptions { MayBeMissing = IsHeadKey, MayBeUnexpected = IsHeadKey } : CheckpointLoadOptions.Strict;
        using var scope = NewDisposeScope();
        CheckpointLoader.Load(model.Module, weights, weights.Source, options);
    }

    /// <summary>A model directory's weights (the toolkit's, an original CharBERT's, or a Hugging Face BERT's: keys with or
    /// without the "bert." prefix, old LayerNorm.gamma/beta names) into a model whose ablation switches (use_char_channel,
    /// fusion, fusion_sharing, char_encoder, ...) may differ from the directory's config.json. The token channel
    /// (embeddings, transformer layers, pooler) must be complete. The char channel, the fusion and the head take what the
    /// checkpoint holds under the same name (a head of another shape stays fresh) and keep their fresh initialisation
    /// otherwise; checkpoint parts the model lacks are dropped. A shared fusion conv initialises every layer's conv of a
    /// per-layer model; per-layer convs that differ cannot become one shared conv (an error). The transformer's sizes must
    /// be the checkpoint's: a switch the weights cannot honour (e.g. hidden_size) is an error naming it.</summary>
    public static PartialLoadReport LoadMatching(ITaskModel model, string directory)
    {
        using var checkpoint = ModelCheckpoint.Open(directory);
        return LoadMatching(model, checkpoint);
    }

    /// <inheritdoc cref="LoadMatching(ITaskModel, string)"/>
    public static PartialLoadReport LoadMatching(ITaskModel model, ModelCheckpoint source)
    {
        RequireSameTransformer(source.Config, model.Config, Path.Combine(source.Directory, ModelDirectory.ConfigFile));
        var path = source.WeightsPath;
        using var scope = NewDisposeScope();
        var target = model.Module.state_dict();
        var checkpoint = new Dictionary<string, Tensor>();
        foreach (var (rawKey, value) in source.Weights)
        {
            var key = HuggingFaceBertPrefixes.Any(rawKey.StartsWith) ? "bert." + rawKey : rawKey;
            if (!key.EndsWith("position_ids", StringComparison.Ordinal))
                checkpoint[key.Replace("LayerNorm.gamma", "LayerNorm.weight").Replace("LayerNorm.beta", "LayerNorm.bias")] = value;
        }
        SpreadSharedFusion(checkpoint, target);

        var targetFusionConvs = target.Keys.Count(k => k.StartsWith(FusionPrefix, StringComparison.Ordinal) && k.EndsWith(".weight", StringComparison.Ordinal));
        var kept = new Dictionary<string, Tensor>();
        var dropped = new List<string>();
        foreach (var (key, value) in checkpoint)
        {
            var keep = target.TryGetValue(key, out var destination)
                ? !IsHeadKey(key) || destination.shape.SequenceEqual(value.shape) // an encoder shape mismatch is reported by the loader
                : (key == TiedDecoderKey && target.Keys.Any(k => k.StartsWith("cls.predictions.", StringComparison.Ordinal)))
                  || (targetFusionConvs == 1 && key.StartsWith(FusionPrefix, StringComparison.Ordinal)); // both checked by the loader
            if (keep) kept[key] = value;
            else dropped.Add(key);
        }
        CheckpointLoader.Load(model.Module, kept, path, new CheckpointLoadOptions { MayBeMissing = key => !IsTokenChannel(key) });
        return new PartialLoadReport(path, target.Keys.Where(k => !kept.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            dropped.Order(StringComparer.Ordinal).ToList());
    }

    /// <summary>Whether the directory's weights are a plain BERT's (Hugging Face or original names): an encoder with no
    /// char channel and no fusion. Such a checkpoint initialises the token channel of any model, CharBERT's included.</summary>
    public static bool HoldsTokenChannelOnly(ModelCheckpoint source) =>
        source.Weights.Keys
            .Select(key => HuggingFaceBertPrefixes.Any(key.StartsWith) ? "bert." + key : key)
            .All(key => IsHeadKey(key) || IsTokenChannel(key) || key.EndsWith("position_ids", StringComparison.Ordinal));

    /// <summary>A checkpoint with one (shared) fusion conv and a model with one conv per layer: every layer starts from it.</summary>
    private static void SpreadSharedFusion(Dictionary<string, Tensor> checkpoint, IReadOnlyDictionary<string, Tensor> target)
    {
        var shared = checkpoint.Keys.Select(k => FusionKey().Match(k)).Where(m => m.Success).ToList();
        if (shared.Count == 0 || shared.Any(m => m.Groups["index"].Value != "0")) return;
        foreach (var key in target.Keys)
            if (FusionKey().Match(key) is { Success: true } m && !checkpoint.ContainsKey(key))
                checkpoint[key] = checkpoint[$"{FusionPrefix}0.{m.Groups["rest"].Value}"];
    }

    /// <summary>The sizes and functions that shape the token channel's weights and differ between a checkpoint's config and
    /// a model's, e.g. "hidden_size 32 (the checkpoint's: 64)"; empty when the checkpoint can initialise the model.</summary>
    public static IReadOnlyList<string> TransformerDifferences(CharBertConfig checkpoint, CharBertConfig model) =>
        new (string Name, object Checkpoint, object Model)[]
        {
            ("vocab_size", checkpoint.VocabSize, model.VocabSize), ("hidden_size", checkpoint.HiddenSize, model.HiddenSize),
            ("num_hidden_layers", checkpoint.NumHiddenLayers, model.NumHiddenLayers),
            ("num_attention_heads", checkpoint.NumAttentionHeads, model.NumAttentionHeads),
            ("intermediate_size", checkpoint.IntermediateSize, model.IntermediateSize),
            ("max_position_embeddings", checkpoint.MaxPositionEmbeddings, model.MaxPositionEmbeddings),
            ("type_vocab_size", checkpoint.TypeVocabSize, model.TypeVocabSize), ("hidden_act", checkpoint.HiddenAct, model.HiddenAct),
        }.Where(d => !d.Checkpoint.Equals(d.Model)).Select(d => $"{d.Name} {d.Model} (the checkpoint's: {d.Checkpoint})").ToList();

    private static void RequireSameTransformer(CharBertConfig checkpoint, CharBertConfig model, string configPath)
    {
        if (TransformerDifferences(checkpoint, model) is { Count: > 0 } differences)
            throw new DataFormatException(configPath, 0, "the checkpoint's weights cannot serve the model's " + string.Join(", ", differences));
    }
}
