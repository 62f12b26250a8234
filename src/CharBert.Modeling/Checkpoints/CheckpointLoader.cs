using System.Text.RegularExpressions;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>Which checkpoint keys may be absent from / extra to the model without failing a strict load.</summary>
public sealed record CheckpointLoadOptions
{
    public Func<string, bool> MayBeMissing { get; init; } = _ => false;
    public Func<string, bool> MayBeUnexpected { get; init; } = _ => false;

    public static CheckpointLoadOptions Strict { get; } = new();
}

/// <summary>Copies checkpoint tensors into a model's state_dict by name, strictly: every missing, unexpected and
/// shape-mismatched key is listed in one error. Understands the original checkpoints' aliases: old LayerNorm
/// gamma/beta names; the shared fusion conv listed under every layer index (copies must be equal, loaded once);
/// cls.predictions.decoder.weight tied to the word embeddings (must be equal); HF position_ids buffers (ignored).</summary>
public static partial class CheckpointLoader
{
    [GeneratedRegex(@"^(?<prefix>.*encoder\.fusion_layer_list\.)(?<index>\d+)\.(?<rest>.+)$")]
    private static partial Regex FusionKey();

    private const string TiedDecoderKey = "cls.predictions.decoder.weight";
    private const string WordEmbeddingKey = "bert.embeddings.word_embeddings.weight";

    public static void Load(nn.Module model, IReadOnlyDictionary<string, Tensor> checkpoint, string source, CheckpointLoadOptions? options = null)
    {
        options ??= CheckpointLoadOptions.Strict;
        var target = model.state_dict();
        var problems = new List<string>();
        var resolved = Resolve(checkpoint, target, problems);

        var unexpected = resolved.Keys.Where(k => !target.ContainsKey(k) && !options.MayBeUnexpected(k)).ToList();
        var missing = target.Keys.Where(k => !resolved.ContainsKey(k) && !options.MayBeMissing(k)).ToList();
        var mismatched = resolved.Where(p => target.TryGetValue(p.Key, out var t) && !t.shape.SequenceEqual(p.Value.shape))
            .Select(p => $"{p.Key} (checkpoint [{string.Join(",", p.Value.shape)}], model [{string.Join(",", target[p.Key].shape)}])").ToList();
        if (missing.Count > 0) problems.Add("missing keys: " + string.Join(", ", missing));
        if (unexpected.Count > 0) problems.Add("unexpected keys: " + string.Join(", ", unexpected));
        if (mismatched.Count > 0) problems.Add("shape mismatches: " + string.Join(", ", mismatched));
        if (problems.Count > 0)
            throw new DataFormatException(source, 0, "checkpoint does not fit the model: " + string.Join("; ", problems));

        using var noGrad = no_grad();
        foreach (var (key, value) in resolved)
            if (target.TryGetValue(key, out var destination))
                destination.copy_(value);
    }

    private static Dictionary<string, Tensor> Resolve(IReadOnlyDictionary<string, Tensor> checkpoint, IReadOnlyDictionary<string, Tensor> target, List<string> problems)
    {
        var resolved = new Dictionary<string, Tensor>();
        foreach (var (rawKey, value) in checkpoint)
        {
            var key = rawKey.Replace("LayerNorm.gamma", "LayerNorm.weight").Replace("LayerNorm.beta", "LayerNorm.bias");
            if (key.EndsWith("position_ids", StringComparison.Ordinal)) continue;
            if (key == TiedDecoderKey && !target.ContainsKey(key))
            {
                var embeddings = checkpoint.GetValueOrDefault(WordEmbeddingKey);
                if (embeddings is null || !Identical(embeddings, value))
                    problems.Add($"{TiedDecoderKey} must equal {WordEmbeddingKey} (the decoder is tied to the word embeddings)");
                continue;
            }
            var fusion = FusionKey().Match(key);
            if (fusion.Success && !target.ContainsKey(key))
            {
                // shared fusion conv: every index must hold the same tensor as index 0
                var canonical = $"{fusion.Groups["prefix"].Value}0.{fusion.Groups["rest"].Value}";
                var first = checkpoint.FirstOrDefault(p => p.Key == canonical).Value;
                if (first is null || !Identical(first, value))
                    problems.Add($"{rawKey} differs from {canonical}, but this model shares one fusion conv across layers (fusion_sharing = per_layer?)");
                continue;
            }
            resolved[key] = value;
        }
        return resolved;
    }

    private static bool Identical(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.dtype == b.dtype && a.eq(b).all().item<bool>();
}
