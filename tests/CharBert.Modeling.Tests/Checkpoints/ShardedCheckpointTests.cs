using System.Text.Json;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>Hugging Face's sharded checkpoints: an index whose weight_map names each tensor's shard.</summary>
public class ShardedCheckpointTests : TempDirectoryTests
{
    private string WriteIndex(string name, Dictionary<string, string> weightMap)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, JsonSerializer.Serialize(new { metadata = new { total_size = 0 }, weight_map = weightMap }));
        return path;
    }

    private static Dictionary<string, Tensor> Shard(params string[] names) =>
        names.Select((n, i) => (n, full(2, 2, (float)i + n.Length))).ToDictionary(p => p.n, p => p.Item2);

    [Test]
    public void SafetensorsShardsReadAsOneStateDict()
    {
        using var scope = NewDisposeScope();
        SafetensorsWriter.Write(Path.Combine(dir, "model-00001-of-00002.safetensors"), Shard("a", "b"));
        SafetensorsWriter.Write(Path.Combine(dir, "model-00002-of-00002.safetensors"), Shard("c"));
        var index = WriteIndex("model.safetensors.index.json", new()
        {
            ["a"] = "model-00001-of-00002.safetensors", ["b"] = "model-00001-of-00002.safetensors", ["c"] = "model-00002-of-00002.safetensors",
        });
        using var read = StateDictFile.Read(index);
        Assert.That(read.Format, Is.EqualTo(CheckpointFormat.ShardIndex));
        Assert.That(read.Keys.Order(), Is.EqualTo(new[] { "a", "b", "c" }));
        Assert.That(read["c"].eq(Shard("c")["c"]).all().item<bool>(), Is.True);
    }

    [Test]
    public void BinShardsInEitherTorchFormatReadToo()
    {
        using var scope = NewDisposeScope();
        TorchCheckpointWriter.WriteZip(Path.Combine(dir, "pytorch_model-00001-of-00002.bin"), Shard("a"));
        TorchCheckpointWriter.WriteLegacy(Path.Combine(dir, "pytorch_model-00002-of-00002.bin"), Shard("b"));
        var index = WriteIndex("pytorch_model.bin.index.json", new() { ["a"] = "pytorch_model-00001-of-00002.bin", ["b"] = "pytorch_model-00002-of-00002.bin" });
        using var read = StateDictFile.Read(index);
        Assert.That(read.Keys.Order(), Is.EqualTo(new[] { "a", "b" }));
    }

    [Test]
    public void AMissingShardATensorInTheWrongShardAndAnUnlistedTensorAreErrors()
    {
        using var scope = NewDisposeScope();
        SafetensorsWriter.Write(Path.Combine(dir, "one.safetensors"), Shard("a", "b"));
        var missing = WriteIndex("missing.index.json", new() { ["a"] = "one.safetensors", ["z"] = "two.safetensors" });
        Assert.That(() => StateDictFile.Read(missing), Throws.TypeOf<DataFormatException>().With.Message.Contain("names shard two.safetensors, which is not beside the index"));

        SafetensorsWriter.Write(Path.Combine(dir, "two.safetensors"), Shard("c"));
        var wrong = WriteIndex("wrong.index.json", new() { ["a"] = "one.safetensors", ["b"] = "two.safetensors", ["c"] = "two.safetensors" });
        Assert.That(() => StateDictFile.Read(wrong), Throws.TypeOf<DataFormatException>().With.Message.Contain("says two.safetensors, but the tensor is in one.safetensors"));

        var absent = WriteIndex("absent.index.json", new() { ["a"] = "one.safetensors", ["b"] = "one.safetensors", ["x"] = "one.safetensors" });
        Assert.That(() => StateDictFile.Read(absent), Throws.TypeOf<DataFormatException>().With.Message.Contain("1 mapped tensors are in no shard: x"));
    }

    [Test]
    public void AnIndexWithoutWeightMapIsAnError()
    {
        var path = Path.Combine(dir, "model.safetensors.index.json");
        File.WriteAllText(path, "{\"metadata\": {}}");
        Assert.That(() => StateDictFile.Read(path), Throws.TypeOf<DataFormatException>().With.Message.Contain("$.weight_map"));
    }
}
