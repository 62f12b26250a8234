using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Precision;

/// <summary>Mixed precision with PyTorch autocast's semantics, written by hand because TorchSharp 0.107 has no
/// autocast.</summary>
/// <remarks>Inside <see cref="Enable"/> the matmul-shaped ops of the model (linear, conv1d, attention) cast their
/// inputs and the fp32 weights to the compute type (bf16), as autocast's lower-precision op list does, while
/// LayerNorm, softmax and the losses run in fp32 (its fp32 list). Parameters, and so their gradients and the
/// optimiser state, stay fp32. Outside a scope every helper is exactly the module's own forward, so fp32 results
/// are bit-identical to a model that never heard of autocast. The char BiGRU stays fp32: TorchSharp exposes no
/// functional GRU through which to cast its weights (CUDA autocast would run it in bf16).</remarks>
public static class Autocast
{
    [ThreadStatic] private static ScalarType? computeType;

    /// <summary>The reduced compute type of the current thread's autocast scope, or null outside one.</summary>
    public static ScalarType? ComputeType => computeType;

    public static bool IsEnabled => computeType is not null;

    /// <summary>Runs the model's matmul-shaped ops in <paramref name="type"/> until the returned scope is disposed
    /// (scopes nest; disposing restores the previous state).</summary>
    public static IDisposable Enable(ScalarType type = ScalarType.BFloat16)
    {
        if (type is not (ScalarType.BFloat16 or ScalarType.Float16))
            throw new ArgumentException($"autocast computes in bf16 or fp16, not {type}");
        return new Scope(type);
    }

    /// <summary>A scope for a precision name: bf16 enables autocast, fp32 disables it.</summary>
    public static IDisposable For(string precision) => Precisions.Parse(precision) is { } type ? Enable(type) : Disable();

    /// <summary>Turns autocast off until the returned scope is disposed (autocast(enabled=False)).</summary>
    public static IDisposable Disable() => new Scope(null);

    public static Tensor Linear(Linear layer, Tensor input) =>
        computeType is { } t ? nn.functional.linear(Cast(input, t), Cast(layer.weight, t), layer.bias is null ? null : Cast(layer.bias, t)) : layer.forward(input);

    public static Tensor Linear(Tensor input, Tensor weight, Tensor? bias = null) =>
        computeType is { } t
            ? nn.functional.linear(Cast(input, t), Cast(weight, t), bias is null ? null : Cast(bias, t))
            : nn.functional.linear(input, weight, bias);

    public static Tensor Conv1d(Conv1d conv, Tensor input) =>
        computeType is { } t
            ? nn.functional.conv1d(Cast(input, t), Cast(conv.weight, t), conv.bias is null ? null : Cast(conv.bias, t),
                conv.stride[0], conv.padding?[0] ?? throw new NotSupportedException("autocast conv1d needs numeric padding"), conv.dilation[0], conv.groups)
            : conv.forward(input);

    /// <summary>LayerNorm in fp32 (autocast's fp32 list), whatever the input's dtype.</summary>
    public static Tensor LayerNorm(LayerNorm layer, Tensor input) =>
        computeType is not null && input.dtype != ScalarType.Float32 ? layer.forward(input.to_type(ScalarType.Float32)) : layer.forward(input);

    public static Tensor MatMul(Tensor a, Tensor b) =>
        computeType is { } t ? matmul(Cast(a, t), Cast(b, t)) : matmul(a, b);

    public static Tensor Softmax(Tensor input, long dim) =>
        computeType is not null && input.dtype != ScalarType.Float32 ? input.to_type(ScalarType.Float32).softmax(dim) : input.softmax(dim);

    public static Tensor ScaledDotProductAttention(Tensor q, Tensor k, Tensor v, Tensor? additiveMask, double dropout) =>
        computeType is { } t
            ? nn.functional.scaled_dot_product_attention(Cast(q, t), Cast(k, t), Cast(v, t), additiveMask is null ? null : Cast(additiveMask, t), dropout)
            : nn.functional.scaled_dot_product_attention(q, k, v, additiveMask, dropout);

    /// <summary>Model outputs (logits, scores) back to fp32, so that losses and evaluation code see one dtype.</summary>
    public static Tensor ToFloat32(Tensor output) =>
        output.dtype is ScalarType.BFloat16 or ScalarType.Float16 ? output.to_type(ScalarType.Float32) : output;

    private static Tensor Cast(Tensor tensor, ScalarType type) => tensor.dtype == type ? tensor : tensor.to_type(type);

    private sealed class Scope : IDisposable
    {
        private readonly ScalarType? previous = computeType;
        private bool disposed;

        public Scope(ScalarType? type) => computeType = type;

        public void Dispose()
        {
            if (disposed) return;
            disposed = true;
            computeType = previous;
        }
    }
}

/// <summary>The precision names the CLI and run configs use.</summary>
public static class Precisions
{
    public const string Fp32 = "fp32";
    public const string Bf16 = "bf16";

    /// <summary>null for fp32 (no autocast), the reduced type otherwise.</summary>
    public static ScalarType? Parse(string precision) => precision.Trim().ToLowerInvariant() switch
    {
        Fp32 => null,
        Bf16 => ScalarType.BFloat16,
        _ => throw new ArgumentException($"unknown precision '{precision}' (fp32 or bf16)"),
    };
}
