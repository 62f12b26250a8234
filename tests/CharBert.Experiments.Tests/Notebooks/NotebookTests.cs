using System.Diagnostics;
using CharBert.TestSupport;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Notebooks;

/// <summary>Every notebook under notebooks/ must run: their code cells are compiled (once, together) into a console
/// program that references the already-built libraries, then each notebook is run with notebooks/ as working directory.</summary>
[NonParallelizable]
public class NotebookTests
{
    static readonly string NotebooksDir = Path.Combine(SharedPaths.RepoRoot, "notebooks");
    TempFolder? buildDir;
    string? dotnet;
    string? programDll;
    string? buildFailure;

    static IEnumerable<string> Notebooks() =>
        Directory.EnumerateFiles(Path.Combine(SharedPaths.RepoRoot, "notebooks"), "*.ipynb").Order().Select(Path.GetFileName)!;

    [OneTimeSetUp]
    public void BuildAllNotebooks()
    {
        dotnet = FindOnPath("dotnet") ?? FindOnPath("dotnet.exe");
        if (dotnet == null) return;
        var program = NotebookProgram.FromNotebooks(Notebooks().Select(n => Path.Combine(NotebooksDir, n)), SharedPaths.RepoRoot);
        buildDir = new TempFolder();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        File.WriteAllText(buildDir.File("Notebooks.csproj"), program.ProjectFile(configuration));
        File.WriteAllText(buildDir.File("Program.cs"), program.Code);
        // The referenced projects were built with this test project; do not rebuild them (others may be editing).
        var (exit, output) = Run(dotnet, ["build", buildDir.File("Notebooks.csproj"), "-c", configuration,
            "-p:BuildProjectReferences=false", "--nologo", "-v:q"], buildDir.Path);
        if (exit != 0) buildFailure = $"notebook code does not compile:\n{output}\n--- generated Program.cs ---\n{program.Code}";
        var outDir = buildDir.File(Path.Combine("bin", configuration, "net10.0"));
        programDll = Path.Combine(outDir, "Notebooks.dll");
        UsePatchedTorchGlue(outDir);
    }

    /// <summary>The repository's build patches libLibTorchSharp for older libstdc++ (build/TorchNative.targets); this
    /// generated project lives outside the repository, so it takes the patched copy from this test's own output.</summary>
    static void UsePatchedTorchGlue(string outDir)
    {
        var runtimes = Path.Combine(AppContext.BaseDirectory, "runtimes");
        if (!Directory.Exists(runtimes)) return;
        foreach (var patched in Directory.EnumerateFiles(runtimes, "*LibTorchSharp*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(outDir, Path.GetRelativePath(AppContext.BaseDirectory, patched));
            if (File.Exists(target)) File.Copy(patched, target, overwrite: true);
        }
    }

    [OneTimeTearDown]
    public void Cleanup() => buildDir?.Dispose();

    [Test]
    public void The_three_notebooks_exist() =>
        Assert.That(Notebooks(), Is.SupersetOf(new[] { "attack-sets.ipynb", "ablation-charts.ipynb", "sentence-sensitivity.ipynb" }));

    [TestCaseSource(nameof(Notebooks))]
    [CancelAfter(120_000)]
    public void Notebook_runs_to_the_end(string notebook)
    {
        if (dotnet == null) Assert.Ignore("`dotnet` is not on PATH, so notebooks cannot be compiled here");
        Assert.That(buildFailure, Is.Null, buildFailure);
        var tempDir = Directory.CreateDirectory(Path.Combine(buildDir!.Path, "tmp", notebook)).FullName; // notebooks' temp output
        var (exit, output) = Run(dotnet, ["exec", programDll!, NotebookProgram.EntryName(notebook)], NotebooksDir, tempDir);
        Assert.That(exit, Is.EqualTo(0), $"{notebook} failed:\n{output}");
        TestContext.Out.WriteLine(output);
    }

    static (int Exit, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, string? tempDir = null)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["CHARBERT_RESULTS"] = "";
        if (tempDir != null) start.Environment["TMPDIR"] = tempDir;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stdout + stderr.Result);
    }

    static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
        .Select(d => Path.Combine(d, name)).FirstOrDefault(File.Exists);
}
