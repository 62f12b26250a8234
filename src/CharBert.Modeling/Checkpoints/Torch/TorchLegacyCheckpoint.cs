using System.Collections;
using System.Globalization;
using System.Numerics;
using CharBert.Text.IO;
using Razorvine.Pickle;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints.Torch;

/// <summary>Reads torch.save's legacy format (PyTorch &lt;= 1.5, or later with _use_new_zipfile_serialization=False),
/// which TorchSharp.PyBridge refuses.</summary>
/// <remarks>The file is five pickles and the raw storages:
/// the magic number 0x1950a86a20f9469cfc6c, the format version 1001, sys_info ({protocol_version, little_endian,
/// type_sizes}), the state dict (tensors are torch._utils._rebuild_tensor_v2 calls on persistent storage ids),
/// the list of storage keys; then, per key in that order, an int64 element count and the storage's bytes.
/// Tensors are views (offset, size, stride) into those storages, so shared storages (tied weights, the original
/// CharBERT's one fusion conv listed under every layer) are read once. Hand-written over Razorvine.Pickle because no
/// .NET package reads this format; it follows torch/serialization.py's _legacy_save and _legacy_load.</remarks>
public static class TorchLegacyCheckpoint
{
    public static readonly BigInteger MagicNumber = BigInteger.Parse("01950a86a20f9469cfc6c", NumberStyles.HexNumber);
    public const int FormatVersion = 1001;

    /// <summary>The tensors, created in the current dispose scope.</summary>
    public static Dictionary<string, Tensor> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var unpickler = new TorchLegacyUnpickler(path);
        if (Load(unpickler, stream, path, "the magic number") is not BigInteger magic || magic != MagicNumber)
            throw new DataFormatException(path, 0, "a pickle, but not a PyTorch checkpoint (no torch.save magic number)");
        if (Load(unpickler, stream, path, "the format version") is not int version || version != FormatVersion)
            throw new DataFormatException(path, 0, $"unsupported legacy checkpoint version (expected {FormatVersion})");
        if (Load(unpickler, stream, path, "sys_info") is not IDictionary sysInfo)
            throw new DataFormatException(path, 0, "sys_info is not a dict");
        if (sysInfo["little_endian"] is false)
            throw new DataFormatException(path, 0, "written on a big-endian machine (sys_info little_endian False); only little-endian checkpoints are supported");
        var root = Load(unpickler, stream, path, "the state dict");
        var entries = TorchPickleRoot.RequireTensorDict(root, path, v => v is LegacyTensor);
        if (Load(unpickler, stream, path, "the storage key list") is not IList keyList || keyList.Cast<object>().Any(k => k is not string))
            throw new DataFormatException(path, 0, "the storage key list is not a list of strings");

        var storages = ReadStorages(stream, path, keyList.Cast<string>().ToList(), unpickler.Storages);
        var tensors = new Dictionary<string, Tensor>(entries.Count);
        foreach (var (key, value) in entries)
            tensors[key] = View(path, key, (LegacyTensor)value, storages);
        foreach (var storage in storages.Values) storage.Dispose(); // the views keep what they use
        return tensors;
    }

    private static object? Load(Unpickler unpickler, Stream stream, string path, string what)
    {
        var start = stream.Position;
        try { return unpickler.load(stream); }
        catch (IOException e) { throw new DataFormatException(path, 0, $"truncated: the file ends inside {what} (which starts at byte {start})", e); }
        catch (PickleException e) when (e.InnerException is null && e.Message.Contains("(for ", StringComparison.Ordinal))
        { throw TorchPickleRoot.UnsupportedObject(path, e); }
        catch (Exception e) when (e is PickleException or InvalidCastException or InvalidOperationException or ArgumentException or OverflowException)
        { throw new DataFormatException(path, 0, $"{what} (at byte {start}) is not a valid pickle: {e.Message}", e); }
    }

    private static Dictionary<string, Tensor> ReadStorages(Stream stream, string path, IReadOnlyList<string> keys, IReadOnlyDictionary<string, LegacyStorage> described)
    {
        var storages = new Dictionary<string, Tensor>(keys.Count);
        Span<byte> countBytes = stackalloc byte[8];
        foreach (var key in keys)
        {
            if (!described.TryGetValue(key, out var storage))
                throw new DataFormatException(path, 0, $"the storage key list names storage {key}, which no tensor uses");
            var start = stream.Position;
            var bytes = storage.Numel * TorchStorageTypes.ElementSize(storage.DType);
            if (stream.ReadAtLeast(countBytes, 8, throwOnEndOfStream: false) < 8)
                throw Truncated(path, key, start, bytes + 8, stream.Length);
            var count = BitConverter.ToInt64(countBytes);
            if (count != storage.Numel)
                throw new DataFormatException(path, 0, $"storage {key} at byte {start} holds {count} elements, its tensors say {storage.Numel}");
            var tensor = empty(storage.Numel, storage.DType);
            try { TensorBytes.ReadExactly(stream, tensor); }
            catch (EndOfStreamException) { throw Truncated(path, key, start, bytes + 8, stream.Length); }
            storages[key] = tensor;
        }
        var unread = described.Keys.Where(k => !storages.ContainsKey(k)).ToList();
        if (unread.Count > 0)
            throw new DataFormatException(path, 0, $"storages used by tensors but missing from the storage key list: {string.Join(", ", unread)}");
        return storages;
    }

    private static DataFormatException Truncated(string path, string key, long start, long needed, long length) =>
        new(path, 0, $"truncated: storage {key} needs bytes {start}..{start + needed}, but the file ends at byte {length}");

    private static Tensor View(string path, string key, LegacyTensor tensor, IReadOnlyDictionary<string, Tensor> storages)
    {
        var storage = tensor.Storage;
        var offset = storage.ViewOffset + tensor.Offset;
        if (tensor.Size.Length != tensor.Stride.Length || tensor.Size.Any(d => d < 0) || tensor.Stride.Any(s => s < 0) || offset < 0)
            throw new DataFormatException(path, 0, $"tensor '{key}' has an invalid size [{string.Join(",", tensor.Size)}] / stride [{string.Join(",", tensor.Stride)}] / offset {offset}");
        var last = tensor.Size.Any(d => d == 0) ? offset - 1 : offset + tensor.Size.Zip(tensor.Stride, (d, s) => (d - 1) * s).Sum();
        if (last >= storage.Numel)
            throw new DataFormatException(path, 0, $"tensor '{key}' reaches element {last} of storage {storage.Key}, which holds {storage.Numel}");
        return storages[storage.Key].as_strided(tensor.Size, tensor.Stride, offset);
    }
}
