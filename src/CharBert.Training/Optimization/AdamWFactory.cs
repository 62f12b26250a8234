using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.Optimization;

/// <summary>AdamW with decoupled weight decay in two parameter groups, as the original scripts: biases and
/// LayerNorm weights get no decay, everything else gets <c>weightDecay</c>.</summary>
public static class AdamWFactory
{
    public static TorchSharp.Modules.AdamW Create(nn.Module model, double learningRate, double weightDecay, double epsilon)
    {
        var decay = new List<TorchSharp.Modules.Parameter>();
        var noDecay = new List<TorchSharp.Modules.Parameter>();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!parameter.requires_grad) continue;
            (IsExemptFromDecay(name) ? noDecay : decay).Add(parameter);
        }
        var groups = new List<TorchSharp.Modules.AdamW.ParamGroup>();
        if (decay.Count > 0) groups.Add(new TorchSharp.Modules.AdamW.ParamGroup(decay, lr: learningRate, eps: epsilon, weight_decay: weightDecay));
        if (noDecay.Count > 0) groups.Add(new TorchSharp.Modules.AdamW.ParamGroup(noDecay, lr: learningRate, eps: epsilon, weight_decay: 0.0));
        if (groups.Count == 0) throw new ArgumentException("the model has no trainable parameters");
        return optim.AdamW(groups, lr: learningRate, eps: epsilon, weight_decay: weightDecay);
    }

    /// <summary>The original's rule: names containing "bias" or a LayerNorm weight ("LayerNorm.weight"; also
    /// matches snake-case "layer_norm"/"layernorm" module names).</summary>
    public static bool IsExemptFromDecay(string parameterName)
    {
        var lower = parameterName.ToLowerInvariant();
        return lower.EndsWith("bias", StringComparison.Ordinal) || lower.Contains("layernorm.weight") || lower.Contains("layer_norm.weight");
    }
}
