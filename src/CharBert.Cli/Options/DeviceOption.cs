using System.CommandLine;
using CharBert.Training;

namespace CharBert.Cli.Options;

/// <summary>--device, the same on every verb that runs a model: cpu | cuda | cuda:N | auto (default: cuda when
/// available, else cpu). Names are checked while parsing; whether CUDA exists, when the device is resolved.</summary>
public static class DeviceOption
{
    public static Option<string> Create(string? purpose = null)
    {
        var option = new Option<string>("--device")
        {
            Description = $"{(purpose is null ? "" : purpose + ": ")}{DeviceResolver.Choices} (auto: cuda when available, else cpu)",
            DefaultValueFactory = _ => DeviceResolver.Auto,
        };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } name && DeviceResolver.Problem(name) is { } problem) result.AddError($"--device: {problem}");
        });
        return option;
    }
}
