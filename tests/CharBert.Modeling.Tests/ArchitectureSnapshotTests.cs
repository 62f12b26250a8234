using CharBert.Modeling.Heads;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

/// <summary>The state_dict keys and shapes of every tiny task model, compared with the committed
/// Fixtures/architecture-tiny.txt (generated from this implementation after the parity tests passed). A deliberate
/// architecture change regenerates it: the test writes the actual listing to its work directory on mismatch.</summary>
public class ArchitectureSnapshotTests
{
    private static string Listing()
    {
        var lines = new List<string>();
        foreach (var kind in Enum.GetValues<ModelKind>())
        foreach (var head in Enum.GetValues<TaskHeadKind>())
        {
            var model = TaskModelFactory.Create(kind, head, CharBertConfig.Tiny, 3);
            using var _ = model.Module;
            lines.Add($"# {kind} {head}");
            lines.AddRange(model.Module.state_dict().Select(p => $"{p.Key} [{string.Join(",", p.Value.shape)}]"));
        }
        return string.Join("\n", lines) + "\n";
    }

    [Test]
    public void StateDictKeysAndShapesMatchTheSnapshot()
    {
        var snapshotPath = Path.Combine(Path.GetDirectoryName(TestFixtures.ReferencePath)!, "architecture-tiny.txt");
        var actual = Listing();
        var expected = File.Exists(snapshotPath) ? File.ReadAllText(snapshotPath).ReplaceLineEndings("\n") : "";
        if (actual != expected)
        {
            var written = Path.Combine(TestContext.CurrentContext.WorkDirectory, "architecture-tiny.actual.txt");
            File.WriteAllText(written, actual);
            Assert.Fail($"state_dict differs from {snapshotPath}; the actual listing is in {written}");
        }
    }
}
