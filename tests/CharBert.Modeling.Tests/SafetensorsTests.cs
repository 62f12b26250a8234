using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using NUnit.Framework;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests;

public class SafetensorsTests
{
    private string dir = "";

    [SetUp] public void SetUp() => dir = Directory.CreateTempSubdirectory("safetensors-tests").FullName;
    [TearDown] public void TearDown() => Directory.Delete(dir, recursive: true);

    [Test]
    public void RoundTripsEveryDTypeWithMetadata()
    {
        using var scope = NewDisposeScope();
        manual_seed(3);
        var tensors = new Dictionary<string, Tensor>
        {
            ["f32"] = randn(2, 3), ["f16"] = randn(4).to_type(ScalarType.Float16), ["bf16"] = randn(2, 2).to_type(ScalarType.BFloat16),
            ["i64"] = tensor(new long[] { -1, 5, long.MaxValue }), ["i32"] = tensor(new[] { 7, -8 }), ["bool"] = tensor(new[] { true, false, true }),
            ["empty"] = zeros(0, 4),
        };
        var path = Path.Combine(dir, "t.safetensors");
        SafetensorsWriter.Write(path, tensors, new Dictionary<string, string> { ["note"] = "hello" });

        var file = SafetensorsFile.Open(path);
        Assert.That(file.Metadata["note"], Is.EqualTo("hello"));
        Assert.That(file.Entries["bf16"].DType, Is.EqualTo("BF16"));
        foreach (var (name, expected) in tensors)
        {
            var actual = file.Load(name);
            Assert.That(actual.dtype, Is.EqualTo(expected.dtype), name);
            Assert.That(actual.shape, Is.EqualTo(expected.shape), name);
            Assert.That(actual.eq(expected).all().item<bool>(), Is.True, name);
        }
        Assert.That(Directory.GetFiles(dir), Has.Length.EqualTo(1), "no temporary file is left behind");
    }

    [Test]
    public void ReadsTheReferenceFixtureHeader()
    {
        var file = SafetensorsFile.Open(TestFixtures.ReferencePath);
        Assert.That(file.Entries["input.char_input_ids"].Shape, Is.EqualTo(new long[] { 3, 96 }));
        Assert.That(file.Metadata["term_vocab_size"], Is.EqualTo("512"));
    }

    private string WriteValid()
    {
        var path = Path.Combine(dir, "valid.safetensors");
        using var scope = NewDisposeScope();
        SafetensorsWriter.Write(path, new Dictionary<string, Tensor> { ["a"] = ones(8, 8) });
        return path;
    }

    [Test]
    public void TruncatedDataIsAClearError()
    {
        var path = WriteValid();
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^10]);
        var e = Assert.Throws<DataFormatException>(() => SafetensorsFile.Open(path))!;
        Assert.That(e.Message, Does.Contain(path).And.Contain("truncated").And.Contain("\"a\""));
    }

    [Test]
    public void ImpossibleHeaderLengthIsAClearError()
    {
        var path = WriteValid();
        var bytes = File.ReadAllBytes(path);
        BitConverter.GetBytes(long.MaxValue / 2).CopyTo(bytes, 0);
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<DataFormatException>(() => SafetensorsFile.Open(path))!;
        Assert.That(e.Message, Does.Contain("header length"));
    }

    [Test]
    public void ShorterThanEightBytesIsAClearError()
    {
        var path = Path.Combine(dir, "short.safetensors");
        File.WriteAllBytes(path, [1, 2, 3]);
        Assert.That(() => SafetensorsFile.Open(path), Throws.TypeOf<DataFormatException>().With.Message.Contain("truncated"));
    }

    private string WriteHeader(string json, int dataBytes)
    {
        var path = Path.Combine(dir, "custom.safetensors");
        var header = System.Text.Encoding.UTF8.GetBytes(json);
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((long)header.Length), .. header, .. new byte[dataBytes]]);
        return path;
    }

    [TestCase("{not json", "not valid JSON")]
    [TestCase("{\"a\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,4]}}", "unsupported dtype 'Q7'")]
    [TestCase("{\"a\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,4]}}", "expected 8")]
    [TestCase("{\"a\":{\"dtype\":\"F32\",\"shape\":[1]}}", "malformed tensor entry")]
    public void BadHeadersNameTheProblem(string header, string problem)
    {
        var path = WriteHeader(header, 8);
        Assert.That(() => SafetensorsFile.Open(path), Throws.TypeOf<DataFormatException>().With.Message.Contain(problem).And.Message.Contain(path));
    }
}
