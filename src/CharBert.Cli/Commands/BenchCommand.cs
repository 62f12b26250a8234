using System.CommandLine;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench &lt;what&gt;`: benchmarks that print a table and, with --json, machine-readable results.
/// Speed and memory targets live here, never in timed unit tests.</summary>
public static class BenchCommand
{
    static IEnumerable<Command> Subcommands()
    {
        yield return BenchAttackCommand.Create();
        yield return BenchCheckpointCommand.Create();
        yield return BenchModelCommand.Create();
        yield return BenchFeaturizeCommand.Create();
        yield return BenchSquadCommand.Create();
        yield return BenchTrainCommand.Create();
    }

    public static Command Create()
    {
        var command = new Command("bench", "Benchmarks: speed and memory, as a table or JSON");
        foreach (var sub in Subcommands()) command.Subcommands.Add(sub);
        return command;
    }
}
