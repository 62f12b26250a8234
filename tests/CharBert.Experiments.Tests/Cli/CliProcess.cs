using System.Diagnostics;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>The built `charbert` executable (beside the test assembly), run as a child process: what a user runs,
/// with its real exit code, stderr and process-wide settings (environment variables such as
/// DOTNET_SYSTEM_GLOBALIZATION_INVARIANT).</summary>
static class CliProcess
{
    public sealed record Result(int Exit, string Out, string Err)
    {
        /// <summary>stderr without libtorch's own warnings ("[W... NNPACK.cpp:56] ..."), which are not ours.</summary>
        public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !(line.StartsWith("[W", StringComparison.Ordinal) && line.Contains("] ", StringComparison.Ordinal))).ToArray();
    }

    public static string Executable
    {
        get
        {
            var directory = TestContext.CurrentContext.TestDirectory;
            var path = Path.Combine(directory, OperatingSystem.IsWindows() ? "charbert.exe" : "charbert");
            if (!File.Exists(path)) Assert.Fail($"the charbert executable is not beside the tests ({path}); build tests/CharBert.Experiments.Tests");
            return path;
        }
    }

    public static Result Run(string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 300)
    {
        using var process = Launch(args, workingDirectory, environment);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"charbert {string.Join(' ', args)} did not finish within {timeoutSeconds} s");
        }
        process.WaitForExit();
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Starts charbert without waiting (for kill -9 tests); its output is read and discarded.</summary>
    public static Process Start(string[] args, string workingDirectory)
    {
        var process = Launch(args, workingDirectory, null);
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static Process Launch(string[] args, string workingDirectory, IReadOnlyDictionary<string, string>? environment)
    {
        var info = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["CI"] = "true";
        info.Environment.Remove("CHARBERT_DEBUG");
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        return Process.Start(info) ?? throw new InvalidOperationException("could not start charbert");
    }
}
