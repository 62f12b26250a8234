using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training;

/// <summary>The one parser of device names, for every command and spec: cpu, cuda, cuda:N, or auto (cuda when
/// available, else cpu).</summary>
public static class DeviceResolver
{
    public const string Auto = "auto";
    public const string Choices = "cpu | cuda | cuda:N | auto";

    /// <summary>Null when <paramref name="name"/> is a valid device name (whether or not the device exists here),
    /// otherwise the problem, for option validators.</summary>
    public static string? Problem(string name)
    {
        var lower = name.Trim().ToLowerInvariant();
        if (lower is "cpu" or "cuda" or Auto) return null;
        if (lower.StartsWith("cuda:", StringComparison.Ordinal) && int.TryParse(lower["cuda:".Length..], out var index) && index >= 0) return null;
        return $"unknown device '{name}' (use cpu, cuda, cuda:N or auto)";
    }

    /// <summary>The torch device for a name; a clear error when CUDA is asked for but absent.</summary>
    public static Device Resolve(string name)
    {
        if (Problem(name) is { } problem) throw new ArgumentException(problem);
        var lower = name.Trim().ToLowerInvariant();
        if (lower == Auto) return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        if (lower.StartsWith("cuda", StringComparison.Ordinal) && !torch.cuda.is_available())
            throw new ArgumentException($"device '{name}' requested but CUDA is not available (this build uses the CPU libtorch backend, or no GPU is visible); use --device cpu or auto");
        return torch.device(lower);
    }
}
