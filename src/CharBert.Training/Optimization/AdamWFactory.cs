using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.Optimization;

/// <summary>AdamW with decoupled weight decay in two parameter groups, as the original scripts: biases and
/// LayerNorm weights get no decay, everything else gets <c>weightDecay</c>.</summary>
public static class AdamWFactory
{
    public static TorchSharp.Modules.AdamW Create(nn.Module model, double learningRate, double weightDecay, double epsilon) =>
        Create(model, learningRate, weightDecay, epsilon, null).Optimizer;

    /// <summary>As above, with the parameters named by <paramref name="isFresh"/> in groups of their own (decay and no
    /// decay each), so they can follow another learning-rate schedule; <c>FreshGroups[g]</c> says which groups those are.</summary>
    public static (TorchSharp.Modules.AdamW Optimizer, bool[] FreshGroups) Create(nn.Module model, double learningRate, double weightDecay,
        double epsilon, Func<string, bool>? isFresh)
    {
        var buckets = new Dictionary<(bool Fresh, bool Decay), List<TorchSharp.Modules.Parameter>>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!parameter.requires_grad) continue;
            var key = (isFresh?.Invoke(name) ?? false, !IsExemptFromDecay(name));
            if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
            list.Add(parameter);
        }
        var groups = new List<TorchSharp.Modules.AdamW.ParamGroup>();
        var fresh = new List<bool>();
        foreach (var key in new[] { (false, true), (false, false), (true, true), (true, false) })
        {
            if (!buckets.TryGetValue(key, out var parameters)) continue;
            groups.Add(new TorchSharp.Modules.AdamW.ParamGroup(parameters, lr: learningRate, eps: epsilon, weight_decay: key.Item2 ? weightDecay : 0.0));
            fresh.Add(key.Item1);
        }
        if (groups.Count == 0) throw new ArgumentException("the model has no trainable parameters");
        return (optim.AdamW(groups, lr: learningRate, eps: epsilon, weight_decay: weightDecay), fresh.ToArray());
    }

    /// <summary>The original's rule: names containing "bias" or a LayerNorm weight ("LayerNorm.weight"; also
    /// matches snake-case "layer_norm"/"layernorm" module names).</summary>
    public static bool IsExemptFromDecay(string parameterName)
    {
        var lower = parameterName.ToLowerInvariant();
        return lower.EndsWith("bias", StringComparison.Ordinal) || lower.Contains("layernorm.weight") || lower.Contains("layer_norm.weight");
    }
}
