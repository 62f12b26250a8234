using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

public static class AttentionMask
{
    /// <summary>(B, T) 1/0 mask → (B, 1, 1, T) additive mask, (1 - mask) * -10000, in <paramref name="dtype"/> (as the original).</summary>
    public static Tensor ToAdditive(Tensor attentionMask, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var extended = attentionMask.unsqueeze(1).unsqueeze(2).to_type(dtype);  // (B, T) -> (B, 1, 1, T): broadcasts over heads and query positions
        return ((1.0 - extended) * -10000.0).MoveToOuterDisposeScope();
    }
}
