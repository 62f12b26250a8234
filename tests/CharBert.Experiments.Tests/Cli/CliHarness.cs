using System.CommandLine;
using CharBert.Cli;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>Runs `charbert ARGS` through the real command tree and <see cref="CliRunner"/>, capturing stdout and
/// stderr. Swaps the process-wide Console writers, so callers must be [NonParallelizable].</summary>
static class CliHarness
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var root = new RootCommand();
        foreach (var command in CommandRegistry.All()) root.Subcommands.Add(command);
        var (oldOut, oldErr) = (Console.Out, Console.Error);
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        Console.SetOut(stdout);
        Console.SetError(stderr);
        try { return (CliRunner.Invoke(root, args), stdout.ToString(), stderr.ToString()); }
        finally { Console.SetOut(oldOut); Console.SetError(oldErr); }
    }
}
