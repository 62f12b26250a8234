using System.CommandLine;
using System.Reflection;

namespace CharBert.Cli.Commands;

public static class VersionCommand
{
    public static Command Create()
    {
        var command = new Command("version", "Print the toolkit, TorchSharp and libtorch versions");
        command.SetAction(_ =>
        {
            var version = typeof(VersionCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
            Console.WriteLine($"charbert {version}");
            Console.WriteLine($"TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version}");
            Console.WriteLine($"cuda available: {TorchSharp.torch.cuda.is_available()}");
            return 0;
        });
        return command;
    }
}
