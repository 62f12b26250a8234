using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CharBert.Experiments.Tests.Notebooks;

/// <summary>Turns Polyglot C# notebooks into one console program (built once): each notebook's code cells become
/// the body of its own method (`using` lines hoisted to the top of the file), selected by the first argument.
/// `#r "nuget: Name, Version"` becomes a PackageReference and `#r ".../Name.dll"` a ProjectReference to the
/// repository's src/Name project (so its dependencies come along).</summary>
sealed partial record NotebookProgram(string Code, IReadOnlyList<(string Name, string Version)> Packages, IReadOnlyList<string> Projects)
{
    public static string EntryName(string notebookFile) =>
        "Notebook_" + Regex.Replace(Path.GetFileNameWithoutExtension(notebookFile), @"\W", "_");

    public static NotebookProgram FromNotebooks(IEnumerable<string> notebookPaths, string repoRoot)
    {
        var usings = new List<string>();
        var methods = new List<string>();
        var packages = new List<(string, string)>();
        var projects = new List<string>();
        foreach (var notebookPath in notebookPaths)
        {
            var body = new List<string>();
            foreach (var line in CodeLines(notebookPath))
            {
                if (NugetReference().Match(line) is { Success: true } nuget) packages.Add((nuget.Groups[1].Value, nuget.Groups[2].Value));
                else if (DllReference().Match(line) is { Success: true } dll)
                {
                    var project = Path.Combine(repoRoot, "src", dll.Groups[1].Value, dll.Groups[1].Value + ".csproj");
                    if (!File.Exists(project)) throw new InvalidDataException($"{notebookPath}: no project for {line.Trim()}");
                    projects.Add(project);
                }
                else if (UsingLine().IsMatch(line)) usings.Add(line.Trim());
                else body.Add("        " + line);
            }
            methods.Add($"static class {EntryName(notebookPath)}\n{{\n    public static void Run()\n    {{\n{string.Join('\n', body)}\n    }}\n}}");
        }
        var dispatch = "var entry = Type.GetType(args[0]) ?? throw new ArgumentException(\"unknown notebook \" + args[0]);\n" +
                       "entry.GetMethod(\"Run\")!.Invoke(null, null);\n";
        var code = string.Join('\n', usings.Distinct()) + "\n\n" + dispatch + "\n" + string.Join("\n\n", methods);
        return new NotebookProgram(code, packages.Distinct().ToList(), projects.Distinct().ToList());
    }

    static IEnumerable<string> CodeLines(string notebookPath)
    {
        var notebook = JsonNode.Parse(File.ReadAllText(notebookPath))!;
        foreach (var cell in notebook["cells"]!.AsArray())
        {
            if ((string?)cell!["cell_type"] != "code") continue;
            var language = (string?)cell["metadata"]?["polyglot_notebook"]?["kernelName"] ?? "csharp";
            if (language != "csharp") throw new InvalidDataException($"{notebookPath}: only C# cells are supported, found {language}");
            foreach (var line in string.Concat(cell["source"]!.AsArray().Select(s => (string?)s)).Split('\n')) yield return line;
        }
    }

    public string ProjectFile(string configuration) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <AssemblyName>Notebooks</AssemblyName>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>disable</Nullable>
            <Configuration>{configuration}</Configuration>
            <NoWarn>$(NoWarn);NU1603;NU1605;CS8321</NoWarn>
          </PropertyGroup>
          <ItemGroup>
        {string.Join('\n', Packages.Select(p => $"""    <PackageReference Include="{p.Name}" Version="{p.Version}" />"""))}
        {string.Join('\n', Projects.Select(p => $"""    <ProjectReference Include="{p}" />"""))}
          </ItemGroup>
        </Project>
        """;

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*([^,"\s]+)\s*,\s*([^"\s]+)\s*"\s*$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^\s*#r\s+"[^"]*/([^/"]+)\.dll"\s*$""")]
    private static partial Regex DllReference();

    [GeneratedRegex("""^\s*using\s+[\w.]+\s*;\s*$""")]
    private static partial Regex UsingLine();
}
