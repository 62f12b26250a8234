using CharBert.Modeling.Checkpoints;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>The .bin files saved by the original code (zip and legacy format) read into the same tensors.</summary>
public class OriginalBinCheckpointTests
{
    private static IEnumerable<string> Models => TestFixtures.OriginalModels;

    [TestCaseSource(nameof(Models))]
    public void ZipAndLegacyFilesHoldTheSameTensors(string name)
    {
        var directory = Path.Combine(TestFixtures.OriginalCheckpoints, name);
        using var zip = StateDictFile.Read(Path.Combine(directory, "pytorch_model.bin"));
        using var legacy = StateDictFile.Read(Path.Combine(directory, "pytorch_model.legacy.bin"));
        Assert.That((zip.Format, legacy.Format), Is.EqualTo((CheckpointFormat.TorchZip, CheckpointFormat.TorchLegacy)));
        Assert.That(legacy.Keys.Order(), Is.EqualTo(zip.Keys.Order()));
        Assert.That(zip.Count, Is.EqualTo(name switch { "charbert-ner" => 60, "charbert-mlm" => 70, _ => 41 }));
        foreach (var (key, tensor) in zip)
        {
            Assert.That(legacy[key].dtype, Is.EqualTo(tensor.dtype), key);
            Assert.That(legacy[key].shape, Is.EqualTo(tensor.shape), key);
            Assert.That(legacy[key].eq(tensor).all().item<bool>(), Is.True, key);
        }
    }

    [Test]
    public void TheSharedFusionConvIsOneStorageReadOnceInTheLegacyFile()
    {
        using var legacy = StateDictFile.Read(Path.Combine(TestFixtures.OriginalCheckpoints, "charbert-ner", "pytorch_model.legacy.bin"));
        var first = legacy["bert.encoder.fusion_layer_list.0.weight"];
        var second = legacy["bert.encoder.fusion_layer_list.1.weight"];
        Assert.That(first.shape, Is.EqualTo(new long[] { 64, 128, 3 }));
        Assert.That(second.eq(first).all().item<bool>(), Is.True);
        Assert.That(second.storage<float>().data_ptr(), Is.EqualTo(first.storage<float>().data_ptr()), "views of one storage, not two copies");
    }
}
