using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>The original's ACT2FN table. "gelu" is the erf form (libtorch's exact gelu).</summary>
public static class Activations
{
    public static Func<Tensor, Tensor> Get(string name) => name switch
    {
        "gelu" => x => nn.functional.gelu(x),
        "gelu_new" => x => 0.5 * x * (1 + tanh(Math.Sqrt(2 / Math.PI) * (x + 0.044715 * x.pow(3)))),
        "relu" => x => nn.functional.relu(x),
        "swish" or "silu" => x => x * sigmoid(x),
        "mish" => x => x * tanh(nn.functional.softplus(x)),
        _ => throw new ArgumentException($"unknown hidden_act '{name}' (expected gelu, gelu_new, relu, swish or mish)"),
    };
}
