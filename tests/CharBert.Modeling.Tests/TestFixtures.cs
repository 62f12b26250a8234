using CharBert.TestSupport;

namespace CharBert.Modeling.Tests;

internal static class TestFixtures
{
    /// <summary>The committed reference fixture (random weights and outputs of the original code; see Fixtures/PROVENANCE.md).</summary>
    public static string ReferencePath => Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Modeling.Tests", "Fixtures", "charbert-tiny.safetensors");
}
