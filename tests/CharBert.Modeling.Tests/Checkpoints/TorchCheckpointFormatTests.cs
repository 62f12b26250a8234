using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Text.IO;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>torch.save's two formats written by <see cref="TorchCheckpointWriter"/> and read back: the zip format by
/// TorchSharp.PyBridge (an independent reader of the same pickles), the legacy one by ours.</summary>
public class TorchCheckpointFormatTests : TempDirectoryTests
{
    private static Dictionary<string, Tensor> EveryDType()
    {
        manual_seed(11);
        return new Dictionary<string, Tensor>
        {
            ["f32"] = randn(3, 4), ["f16"] = randn(5).to_type(ScalarType.Float16), ["bf16"] = randn(2, 3).to_type(ScalarType.BFloat16),
            ["i64"] = tensor(new long[] { -7, 0, long.MaxValue }), ["f64"] = randn(2, dtype: ScalarType.Float64),
            ["i32"] = tensor(new[] { 1, -2 }), ["u8"] = tensor(new byte[] { 0, 255 }), ["bool"] = tensor(new[] { true, false }),
            ["scalar"] = tensor(3.5f), ["empty"] = zeros(0, 4),
        };
    }

    [TestCase(CheckpointFormat.TorchZip)]
    [TestCase(CheckpointFormat.TorchLegacy)]
    public void EveryDTypeRoundTrips(CheckpointFormat format)
    {
        using var scope = NewDisposeScope();
        var tensors = EveryDType();
        var path = Path.Combine(dir, "pytorch_model.bin");
        if (format == CheckpointFormat.TorchZip) TorchCheckpointWriter.WriteZip(path, tensors);
        else TorchCheckpointWriter.WriteLegacy(path, tensors);

        using var read = StateDictFile.Read(path);
        Assert.That(read.Format, Is.EqualTo(format));
        Assert.That(read.Keys.Order(), Is.EqualTo(tensors.Keys.Order()));
        foreach (var (name, expected) in tensors)
        {
            Assert.That(read[name].dtype, Is.EqualTo(expected.dtype), name);
            Assert.That(read[name].shape, Is.EqualTo(expected.shape), name);
            Assert.That(read[name].eq(expected).all().item<bool>(), Is.True, name);
        }
        Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1), "written atomically, no temporary file left");
    }

    /// <summary>storage 0..11; views: the whole storage as [3,4]; [[2,4,6],[3,5,7]] (offset 2, strides 1 and 2, not
    /// contiguous); the last 4 elements as [2,2] (offset 8). Expected values worked out by hand.</summary>
    private static (List<Tensor> Storages, List<TorchTensorView> Views) SharedStorage() =>
        ([arange(12, dtype: ScalarType.Float32)],
        [
            TorchTensorView.Contiguous("whole", 0, [3, 4]),
            new TorchTensorView("strided", 0, 2, [2, 3], [1, 2]),
            new TorchTensorView("tail", 0, 8, [2, 2], [2, 1]),
        ]);

    [Test]
    public void LegacyViewsIntoOneStorageKeepOffsetsAndStrides()
    {
        using var scope = NewDisposeScope();
        var (storages, views) = SharedStorage();
        var path = Path.Combine(dir, "views.bin");
        TorchCheckpointWriter.WriteLegacy(path, storages, views);

        using var read = StateDictFile.Read(path);
        Assert.That(read["strided"].data<float>().ToArray(), Is.EqualTo(new float[] { 2, 4, 6, 3, 5, 7 }));
        Assert.That(read["strided"].shape, Is.EqualTo(new long[] { 2, 3 }));
        Assert.That(read["tail"].data<float>().ToArray(), Is.EqualTo(new float[] { 8, 9, 10, 11 }));
        Assert.That(read["whole"][2, 3].item<float>(), Is.EqualTo(11f));
        Assert.That(read["tail"].storage<float>().data_ptr(), Is.EqualTo(read["whole"].storage<float>().data_ptr()), "one storage, read once");
    }

    [Test]
    public void ZipViewsAtAnOffsetAreAClearErrorFromPyBridge()
    {
        using var scope = NewDisposeScope();
        var (storages, views) = SharedStorage();
        var path = Path.Combine(dir, "views.bin");
        TorchCheckpointWriter.WriteZip(path, storages, views);
        var e = Assert.Throws<DataFormatException>(() => StateDictFile.Read(path))!;
        Assert.That(e.Message, Does.StartWith(path).And.Contain("TorchSharp.PyBridge cannot read").And.Contain("views"));
    }

    [Test]
    public void ZipTensorsSharingAWholeStorageReadAsEqualCopies()
    {
        using var scope = NewDisposeScope();
        var path = Path.Combine(dir, "tied.bin");
        TorchCheckpointWriter.WriteZip(path, [arange(6, dtype: ScalarType.Float32)],
            [TorchTensorView.Contiguous("embeddings", 0, [2, 3]), TorchTensorView.Contiguous("decoder", 0, [2, 3])]);
        using var read = StateDictFile.Read(path);
        Assert.That(read["decoder"].data<float>().ToArray(), Is.EqualTo(new float[] { 0, 1, 2, 3, 4, 5 }));
        Assert.That(read["decoder"].eq(read["embeddings"]).all().item<bool>(), Is.True);
    }
}
