using System.CommandLine;
using CharBert.Cli.Commands;

namespace CharBert.Cli;

/// <summary>Every verb of the `charbert` executable. Each lives in Commands/ and exposes Create().</summary>
public static class CommandRegistry
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return BenchCommand.Create();
    }
}
