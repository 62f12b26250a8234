using System.IO.Compression;
using System.Runtime.InteropServices;
using CharBert.Text.IO;
using Razorvine.Pickle;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints.Torch;

/// <summary>Reads torch.save's zip format (PyTorch >= 1.6) with TorchSharp.PyBridge's PyTorchUnpickler, after checking
/// that the archive is a state dict and not a TorchScript module, and turns its failures into one-line errors.</summary>
public static class TorchZipCheckpoint
{
    /// <summary>The tensors, created in the current dispose scope.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        CheckArchive(stream, path);
        stream.Position = 0;
        System.Collections.Hashtable table;
        try { table = PyTorchUnpickler.UnpickleStateDict(stream, leaveOpen: true); }
        catch (NotImplementedException e) when (e.Message.Contains("entire model", StringComparison.Ordinal))
        { throw new DataFormatException(path, 0, $"holds a whole pickled model (saved with torch.save(model)), not a state dict: {TorchPickleRoot.ResaveHint}", e); }
        catch (PickleException e) when (e.InnerException is null && e.Message.Contains("(for ", StringComparison.Ordinal))
        { throw TorchPickleRoot.UnsupportedObject(path, e); }
        catch (InvalidCastException e)
        { throw new DataFormatException(path, 0, $"data.pkl does not hold a dict of tensors: {TorchPickleRoot.ResaveHint}", e); }
        catch (Exception e) when (e is ExternalException or InvalidOperationException or ArgumentException)
        {
            // PyBridge 1.4.4 rebuilds each tensor in a fresh buffer of its own size: views at an offset into a larger
            // storage, or with non-contiguous strides, fail here (torch.save(model.state_dict()) of BERT has none)
            throw new DataFormatException(path, 0, $"TorchSharp.PyBridge cannot read a tensor of this archive " +
                $"(views into shared storage at an offset, or non-contiguous strides, are not supported): {FirstLine(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or PickleException)
        { throw new DataFormatException(path, 0, $"corrupt or truncated zip entry: {FirstLine(e.Message)}", e); }
        var entries = TorchPickleRoot.RequireTensorDict(table, path, v => v is Tensor);
        return entries.ToDictionary(e => e.Key, e => (Tensor)e.Value);
    }

    private static void CheckArchive(Stream stream, string path)
    {
        ZipArchive archive;
        try { archive = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true); }
        catch (InvalidDataException e) { throw new DataFormatException(path, 0, $"a zip archive that is truncated or corrupt ({FirstLine(e.Message)})", e); }
        using (archive)
        {
            var names = archive.Entries.Select(e => e.FullName).ToList();
            if (names.Any(n => n.Contains("/code/", StringComparison.Ordinal) || n.EndsWith("constants.pkl", StringComparison.Ordinal)))
                throw new DataFormatException(path, 0, "a TorchScript archive (torch.jit.save), not a state dict: save the weights with torch.save(model.state_dict(), path)");
            if (!names.Any(n => n.EndsWith("data.pkl", StringComparison.Ordinal)))
                throw new DataFormatException(path, 0, "a zip archive without data.pkl: not a PyTorch checkpoint");
            if (archive.Entries.FirstOrDefault(e => e.FullName.EndsWith("/byteorder", StringComparison.Ordinal)) is { } byteOrder)
            {
                using var reader = new StreamReader(byteOrder.Open());
                if (reader.ReadToEnd().Trim() == "big")
                    throw new DataFormatException(path, 0, "written on a big-endian machine (byteorder 'big'); only little-endian checkpoints are supported");
            }
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();
}
