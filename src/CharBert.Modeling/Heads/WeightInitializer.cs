using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Heads;

/// <summary>The original init_weights: Linear and Embedding weights ~ N(0, initializer_range), Linear biases 0,
/// LayerNorm weight 1 / bias 0. Conv1d and GRU keep PyTorch's default init, as in the original.</summary>
public static class WeightInitializer
{
    public static void Apply(nn.Module model, double initializerRange)
    {
        using var noGrad = no_grad();
        // the in-place initialisers hand back a second managed handle on each weight; the scope frees those handles
        // (not the weights), so a disposed model leaves nothing behind
        using var scope = NewDisposeScope();
        foreach (var (_, module) in model.named_modules())
        {
            switch (module)
            {
                case Linear linear:
                    linear.weight!.normal_(0, initializerRange);
                    linear.bias?.zero_();
                    break;
                case Embedding embedding:
                    embedding.weight!.normal_(0, initializerRange);
                    break;
                case LayerNorm norm:
                    norm.weight!.fill_(1.0);
                    norm.bias!.zero_();
                    break;
            }
        }
    }
}
