using System.Collections;
using System.IO.Compression;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using NUnit.Framework;
using Razorvine.Pickle;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace CharBert.Modeling.Tests.Checkpoints;

/// <summary>Files that are not state dicts, or are damaged: one DataFormatException naming the file and the problem.</summary>
public class CheckpointErrorTests : TempDirectoryTests
{
    private string WriteFile(string name, byte[] content)
    {
        var path = Path.Combine(dir, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    private static void AssertRefused(string path, params string[] problem)
    {
        var e = Assert.Throws<DataFormatException>(() => StateDictFile.Read(path).Dispose())!;
        Assert.That(e.Message, Does.StartWith(path));
        Assert.That(e.Message, Does.Not.Contain('\n'), "one line");
        foreach (var words in problem) Assert.That(e.Message, Does.Contain(words));
    }

    private static byte[] MagicNumber => [0x80, 2, Opcodes.LONG1, 10, .. TorchLegacyCheckpoint.MagicNumber.ToByteArray(), Opcodes.STOP];

    /// <summary>The first three pickles of a legacy file (magic, version, sys_info) written with Razorvine's Pickler.</summary>
    private static byte[] LegacyHeader(bool littleEndian = true)
    {
        using var pickler = new Pickler();
        return [.. MagicNumber, .. pickler.dumps(TorchLegacyCheckpoint.FormatVersion), .. pickler.dumps(new Dictionary<string, object>
        {
            ["protocol_version"] = 1001, ["little_endian"] = littleEndian,
            ["type_sizes"] = new Dictionary<string, object> { ["short"] = 2, ["int"] = 4, ["long"] = 4 },
        })];
    }

    [Test]
    public void ABigEndianLegacyFileIsRefused() =>
        AssertRefused(WriteFile("big.bin", [.. LegacyHeader(littleEndian: false), .. new byte[64]]), "big-endian", "little_endian False");

    private string OriginalFile(string file) => Path.Combine(TestFixtures.OriginalCheckpoints, "charbert-ner", file);

    [Test]
    public void TruncatedLegacyFilesNameWhereTheyEnd()
    {
        var bytes = File.ReadAllBytes(OriginalFile("pytorch_model.legacy.bin"));
        AssertRefused(WriteFile("cut-storages.bin", bytes[..(bytes.Length * 2 / 3)]), "truncated: storage", $"file ends at byte {bytes.Length * 2 / 3}");
        AssertRefused(WriteFile("cut-pickle.bin", bytes[..400]), "truncated: the file ends inside the state dict");
    }

    [Test]
    public void ATruncatedZipFileIsRefused()
    {
        var bytes = File.ReadAllBytes(OriginalFile("pytorch_model.bin"));
        AssertRefused(WriteFile("cut.bin", bytes[..(bytes.Length / 2)]), "zip archive that is truncated or corrupt");
    }

    [Test]
    public void ATruncatedSafetensorsFileIsRefused()
    {
        var path = Path.Combine(dir, "model.safetensors");
        using (var scope = NewDisposeScope()) SafetensorsWriter.Write(path, new Dictionary<string, Tensor> { ["w"] = ones(16, 16) });
        var bytes = File.ReadAllBytes(path);
        AssertRefused(WriteFile("cut.safetensors", bytes[..^100]), "truncated");
    }

    [Test]
    public void ATorchScriptArchiveIsRefused()
    {
        var path = Path.Combine(dir, "scripted.pt");
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
            foreach (var name in new[] { "scripted/data.pkl", "scripted/code/__torch__/model.py", "scripted/constants.pkl", "scripted/version" })
                using (var entry = new StreamWriter(archive.CreateEntry(name).Open())) entry.Write("x");
        AssertRefused(path, "TorchScript", "torch.save(model.state_dict()");
    }

    [TestCase("notes.txt", "hello, this is not a checkpoint", "not a checkpoint", "68656C6C6F2C2074")]
    [TestCase("empty.bin", "", "empty file")]
    public void TextAndEmptyFilesAreNotCheckpoints(string name, string content, string problem, string? firstBytes = null) =>
        AssertRefused(WriteFile(name, System.Text.Encoding.UTF8.GetBytes(content)), firstBytes is null ? [problem] : [problem, firstBytes]);

    [Test]
    public void APickleWithoutTheMagicNumberIsNotATorchCheckpoint()
    {
        using var pickler = new Pickler();
        AssertRefused(WriteFile("plain.pkl", pickler.dumps(new Dictionary<string, object> { ["a"] = 1 })), "no torch.save magic number");
    }

    [Test]
    public void ATarArchiveIsTheUnsupportedPreTorch04Format()
    {
        var bytes = new byte[1024];
        "ustar"u8.CopyTo(bytes.AsSpan(257));
        AssertRefused(WriteFile("old.tar", bytes), "tar archive", "PyTorch 0.4");
    }

    [Test]
    public void AWholeModelInTheLegacyFormatIsRefusedNamingItsClass()
    {
        // torch.save(model) pickles the module class as a persistent id ('module', class, source file, source)
        var main = new PickleBytes().Mark().Str("module").Global("mymodels", "Net").Str("net.py").Str("class Net: ...").Tuple().BinPersId().Stop();
        AssertRefused(WriteFile("model.bin", [.. LegacyHeader(), .. main]), "whole pickled model (class mymodels.Net", "torch.save(model.state_dict()");
    }

    [Test]
    public void AWholeModelInTheZipFormatIsRefusedNamingItsClass()
    {
        var path = Path.Combine(dir, "model.bin");
        var main = new PickleBytes().Global("mymodels", "Net").EmptyTuple().NewObj().EmptyDict().Build().Stop();
        using (var archive = ZipFile.Open(path, ZipArchiveMode.Create))
        using (var entry = archive.CreateEntry("model/data.pkl").Open()) entry.Write(main);
        AssertRefused(path, "a pickled mymodels.Net object", "not a state dict");
    }

    [Test]
    public void ATrainingCheckpointDictIsRefusedNamingTheOtherEntries()
    {
        var path = Path.Combine(dir, "checkpoint.bin");
        using (var scope = NewDisposeScope())
        using (var stream = File.Create(path))
            PyTorchPickler.PickleStateDict(stream, new Hashtable { ["weight"] = ones(2), ["epoch"] = 3 });
        AssertRefused(path, "not all tensors", "'epoch': int");
    }

    [Test]
    public void AnUnsupportedTensorKindIsRefusedNamingItsRebuildFunction()
    {
        var main = new PickleBytes().EmptyDict().Mark().Str("q").Global("torch._utils", "_rebuild_qtensor").Mark().Int(1).Int(2).Tuple().Reduce()
            .SetItems().Stop();
        AssertRefused(WriteFile("quantized.bin", [.. LegacyHeader(), .. main]), "torch._utils._rebuild_qtensor");
    }
}
