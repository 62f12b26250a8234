using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training;

public static class DeviceResolver
{
    /// <summary>"cpu" or "cuda[:N]"; a clear error when CUDA is asked for but absent.</summary>
    public static Device Resolve(string name)
    {
        if (name.StartsWith("cuda", StringComparison.OrdinalIgnoreCase) && !torch.cuda.is_available())
            throw new ArgumentException($"device '{name}' requested but CUDA is not available (this build uses the CPU libtorch backend)");
        try { return torch.device(name); }
        catch (Exception e) { throw new ArgumentException($"unknown device '{name}' (use cpu or cuda)", e); }
    }
}
