using TorchSharp.Modules;
using static TorchSharp.torch;

namespace CharBert.Modeling.Modules;

/// <summary>Conv1d as TorchSharp builds it (same default initialisation and random draws), minus a stray handle its
/// initialisation leaves behind, which would keep the weight alive after the model is disposed.</summary>
static class Convolutions
{
    public static Conv1d Conv1d(long inChannels, long outChannels, long kernelSize, long padding)
    {
        using var scope = NewDisposeScope();
        var conv = nn.Conv1d(inChannels, outChannels, kernelSize, padding: padding);
        scope.Detach(conv.parameters());
        return conv;
    }
}
