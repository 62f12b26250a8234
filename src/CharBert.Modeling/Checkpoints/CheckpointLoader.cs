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

/// <summary>Copies checkpoint tensors into a model's state_dict by name, strictly: missing, unexpected and
/// shape-mismatched keys are reported in one error (the first few of each, with the count; when the shapes show that the
/// config's sizes differ from the weights', e.g. hidden_size, the error says that instead). Understands the original checkpoints' aliases: old LayerNorm
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
        if (mismatched.Count > 0 && ConfigSizeDifferences(resolved, target) is { Count: > 0 } sizes)
            throw new DataFormatException(source, 0, $"the weights do not fit the model's config: {string.Join(", ", sizes)} " +
                                                     $"({mismatched.Count} tensors differ in shape); use the config.json saved with these weights");
        if (missing.Count > 0) problems.Add("missing keys: " + FirstFew(missing));
        if (unexpected.Count > 0) problems.Add("unexpected keys: " + FirstFew(unexpected));
        if (mismatched.Count > 0) problems.Add("shape mismatches: " + FirstFew(mismatched));
        if (problems.Count > 0)
            throw new DataFormatException(source, 0, "checkpoint does not fit the model: " + string.Join("; ", problems));

        using var noGrad = no_grad();
        foreach (var (key, value) in resolved)
            if (target.TryGetValue(key, out var destination))
                destination.copy_(value);
    }

    private static string FirstFew(IReadOnlyList<string> items, int shown = 5) =>
        string.Join(", ", items.Take(shown)) + (items.Count > shown ? $" and {items.Count - shown} more" : "");

    /// <summary>Config sizes that can be read off the weights and differ from the model's: "hidden_size 32 in the
    /// weights, 64 in the config".</summary>
    private static List<string> ConfigSizeDifferences(IReadOnlyDictionary<string, Tensor> weights, IReadOnlyDictionary<string, Tensor> model)
    {
        (string Key, int Dim, string Field)[] sizes =
        [
            (WordEmbeddingKey, 1, "hidden_size"),
            (WordEmbeddingKey, 0, "vocab_size"),
            ("bert.embeddings.position_embeddings.weight", 0, "max_position_embeddings"),
            ("bert.encoder.layer.0.intermediate.dense.weight", 0, "intermediate_size"),
        ];
        var differences = new List<string>();
        foreach (var (key, dim, field) in sizes)
            if (weights.TryGetValue(key, out var w) && model.TryGetValue(key, out var m) && w.dim() > dim && m.dim() > dim && w.shape[dim] != m.shape[dim])
                differences.Add($"{field} {w.shape[dim]} in the weights, {m.shape[dim]} in the config");
        return differences;
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
