using NUnit.Framework;
using System.Text.RegularExpressions;

namespace CharBert.Build.Tests;

/// <summary>Everything random in src is seeded (the team's rule): no <c>new Random()</c> without a seed, no
/// target-typed <c>Random x = new()</c>, no <c>Random.Shared</c>.</summary>
public partial class UnseededRandomTests
{
    [GeneratedRegex(@"new\s+(System\.)?Random\s*\(\s*\)|\bRandom\s+\w+\s*=\s*new\s*\(\s*\)|\bRandom\.Shared\b")]
    private static partial Regex Unseeded();

    /// <summary>The offending lines of <paramref name="source"/> (comments skipped), 1-based.</summary>
    static IEnumerable<int> Offenders(string source) =>
        source.Split('\n').Select((line, i) => (Line: line.Trim(), Number: i + 1))
            .Where(l => !l.Line.StartsWith("//", StringComparison.Ordinal) && Unseeded().IsMatch(l.Line))
            .Select(l => l.Number);

    [TestCase("var r = new Random();", true)]
    [TestCase("var r = new System.Random( );", true)]
    [TestCase("Random rng = new();", true)]
    [TestCase("var x = Random.Shared.Next();", true)]
    [TestCase("var r = new Random(seed);", false)]
    [TestCase("var r = new Random(options.Seed + 1);", false)]
    [TestCase("/// never call new Random() here", false)]
    public void The_detector_finds_unseeded_generators(string line, bool offends) =>
        Assert.That(Offenders(line).Any(), Is.EqualTo(offends));

    [Test]
    public void No_source_file_creates_an_unseeded_random_generator()
    {
        var src = Path.Combine(RepoRoot(), "src");
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj")).ToList();
        Assert.That(files, Is.Not.Empty, $"no sources under {src}");
        var offenders = files.SelectMany(f => Offenders(File.ReadAllText(f)).Select(n => $"{Path.GetRelativePath(src, f)}:{n}")).ToList();
        Assert.That(offenders, Is.Empty, "seed every generator (new Random(seed)); unseeded ones at");
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CharBert.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException($"CharBert.sln not found above {TestContext.CurrentContext.TestDirectory}");
    }
}
