using System.CommandLine;
using System.CommandLine.Invocation;
using CharBert.Hub;
using CharBert.Text.IO;
using CharBert.Training;
using CharBert.Training.Runs;

namespace CharBert.Cli;

/// <summary>Runs the parsed command and turns every expected failure (bad arguments, bad input files, an unusable output
/// folder) into one line on stderr and exit code 2, instead of a stack trace. The exit codes (README "Exit codes"):
/// 0 success; 1 the command ran and its check failed (verify-reference); 2 usage or input error, nothing left
/// half-written; 70 internal error (a bug: one line, the stack trace with CHARBERT_DEBUG=1).</summary>
public static class CliRunner
{
    public const int ExitFailure = 1;
    public const int ExitBadInput = 2;
    public const int ExitInternalError = 70;
    public const string DebugVariable = "CHARBERT_DEBUG";

    public static int Invoke(RootCommand root, string[] args)
    {
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.Action is ParseErrorAction)
        {
            Console.Error.WriteLine($"error: {ParseErrorMessages.Describe(parse)}");
            return ExitBadInput;
        }
        try
        {
            return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (UserMessage(e) is { } message)
        {
            Console.Error.WriteLine($"error: {message}");
            return ExitBadInput;
        }
        catch (Exception e) when (!DebugRequested)
        {
            Console.Error.WriteLine($"error: internal error ({e.GetType().Name}: {OneLine(e.Message)}); " +
                                    $"run again with {DebugVariable}=1 for the stack trace, and please report it");
            return ExitInternalError;
        }
    }

    static bool DebugRequested => Environment.GetEnvironmentVariable(DebugVariable) is { Length: > 0 } value && value != "0";

    /// <summary>The one-line message of a failure the user can act on; null for anything else (a bug).</summary>
    public static string? UserMessage(Exception e) => e switch
    {
        ArgumentException a when a.ParamName is { } name => OneLine(a.Message.Replace($" (Parameter '{name}')", "")),
        ArgumentException or DataFormatException or OutputFolderException or UserFacingException or InvalidDataException
            or FileNotFoundException or DirectoryNotFoundException or PlatformNotSupportedException
            or NonFiniteLossException or CorruptCheckpointException or HubException => OneLine(e.Message),
        // the file system refused a read or write the up-front checks could not foresee (disk full, permissions changed)
        IOException or UnauthorizedAccessException => OneLine(e.Message),
        _ => null,
    };

    /// <summary>Messages are one line: line breaks become "; ", and a runaway message is cut.</summary>
    static string OneLine(string message)
    {
        const int Limit = 1000;
        var line = string.Join("; ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return line.Length <= Limit ? line : line[..Limit] + " …";
    }
}

/// <summary>A failure whose message is complete for the user (no stack trace needed).</summary>
public sealed class UserFacingException(string message, Exception? inner = null) : Exception(message, inner);
