using System.CommandLine;

namespace CharBert.Cli.Commands;

/// <summary>`charbert models ...`: pretrained starting points (each subcommand in its own file).</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Pretrained models: download from the Hugging Face hub");
        command.Subcommands.Add(ModelsGetCommand.Create());
        return command;
    }
}
