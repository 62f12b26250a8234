using NUnit.Framework;

namespace CharBert.TestSupport;

/// <summary>Finds the workspace's `shared/` folder (beside the checkout: fixtures and third-party data that
/// tests read at run time and never commit). Tests that need it call <see cref="RequireFile"/> and are
/// skipped, with a message saying what is missing, on a user's fresh clone where it is absent.</summary>
public static class SharedPaths
{
    public static string? Root { get; } = Locate();

    static string? Locate()
    {
        var fromEnv = Environment.GetEnvironmentVariable("CHARBERT_SHARED");
        if (!string.IsNullOrEmpty(fromEnv) && Directory.Exists(fromEnv)) return Path.GetFullPath(fromEnv);
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(Path.Combine(candidate, "fixtures")) || Directory.Exists(Path.Combine(candidate, "data")))
                return candidate;
        }
        return null;
    }

    /// <summary>Full path of <paramref name="relative"/> under shared/, or the test is skipped (Assert.Ignore).</summary>
    public static string RequireFile(string relative)
    {
        var path = Root == null ? null : Path.Combine(Root, relative);
        if (path == null || !(File.Exists(path) || Directory.Exists(path)))
            Assert.Ignore($"needs ../shared/{relative} (third-party data read at test time, not shipped with the project); " +
                          "absent here, so this test is skipped. Set CHARBERT_SHARED to point at a copy.");
        return path!;
    }

    /// <summary>The repository root (the folder holding CharBert.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CharBert.sln"))) return dir.FullName;
        throw new InvalidOperationException("CharBert.sln not found above " + AppContext.BaseDirectory);
    }
}
