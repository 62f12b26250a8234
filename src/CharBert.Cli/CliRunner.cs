using System.CommandLine;
using CharBert.Text.IO;

namespace CharBert.Cli;

/// <summary>Runs the parsed command and turns expected failures (bad input, bad arguments) into one clear
/// line on stderr and a non-zero exit code instead of a stack trace.</summary>
public static class CliRunner
{
    public const int ExitBadInput = 2;
    public const int ExitFailure = 1;

    public static int Invoke(RootCommand root, string[] args)
    {
        var config = new InvocationConfiguration { EnableDefaultExceptionHandler = false };
        try
        {
            return root.Parse(args).Invoke(config);
        }
        catch (DataFormatException e)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitBadInput;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or ArgumentException or InvalidDataException
                                      or UserFacingException or OutputFolderException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return ExitBadInput;
        }
    }
}

/// <summary>A failure whose message is complete for the user (no stack trace needed).</summary>
public sealed class UserFacingException(string message, Exception? inner = null) : Exception(message, inner);
