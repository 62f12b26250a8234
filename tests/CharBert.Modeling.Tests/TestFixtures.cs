using CharBert.TestSupport;

namespace CharBert.Modeling.Tests;

internal static class TestFixtures
{
    /// <summary>The committed reference fixture (random weights and outputs of the original code; see Fixtures/PROVENANCE.md).</summary>
    public static string FixturesPath => Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Modeling.Tests", "Fixtures");

    /// <summary>Models saved by the original code as .bin files, with expected logits (Fixtures/original-checkpoints/PROVENANCE.md).</summary>
    public static string OriginalCheckpoints => Path.Combine(FixturesPath, "original-checkpoints");

    public static readonly string[] OriginalModels = ["charbert-ner", "charbert-mlm", "bert-ner"];
    public static readonly string[] OriginalWeightFiles = ["pytorch_model.bin", "pytorch_model.legacy.bin"];

    public static string ReferencePath => Path.Combine(SharedPaths.RepoRoot, "tests", "CharBert.Modeling.Tests", "Fixtures", "charbert-tiny.safetensors");
}
