using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Safetensors;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>The one entry point for reading a checkpoint file into a state dict: safetensors (ours or any other
/// writer's), torch.save's zip format (PyTorch >= 1.6, through TorchSharp.PyBridge), its legacy format (PyTorch
/// &lt;= 1.5) and Hugging Face shard indexes. The format is told by the file's first bytes, never by its name.
/// Anything else is one <see cref="DataFormatException"/> naming the file and the problem.</summary>
public static class StateDictFile
{
    /// <summary>Reads every tensor of <paramref name="path"/> (CPU, the stored dtypes) into a state dict the caller disposes.</summary>
    public static StateDict Read(string path)
    {
        var format = Sniff(path);
        using var scope = NewDisposeScope();
        var tensors = ReadTensors(path, format);
        scope.Detach(tensors.Values);
        return new StateDict(path, format, tensors);
    }

    /// <summary>The tensors of <paramref name="path"/>, created in the current dispose scope.</summary>
    public static Dictionary<string, Tensor> ReadTensors(string path) => ReadTensors(path, Sniff(path));

    private static Dictionary<string, Tensor> ReadTensors(string path, CheckpointFormat format) => format switch
    {
        CheckpointFormat.Safetensors => SafetensorsFile.Open(path).LoadAll(),
        CheckpointFormat.TorchZip => TorchZipCheckpoint.Read(path),
        CheckpointFormat.TorchLegacy => TorchLegacyCheckpoint.Read(path),
        CheckpointFormat.ShardIndex => ShardedCheckpoint.Read(path),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };

    /// <summary>The format of <paramref name="path"/>, from its first bytes.</summary>
    public static CheckpointFormat Sniff(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"checkpoint not found: {path}", path);
        var head = new byte[512];
        long length;
        int read;
        using (var stream = File.OpenRead(path))
        {
            length = stream.Length;
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }
        var bytes = head.AsSpan(0, read);
        // safetensors: a little-endian u64 header length (its high byte is 0; JSON text has no NUL) and '{'
        if (read > 8 && bytes[8] == (byte)'{' && bytes[7] == 0) return CheckpointFormat.Safetensors;
        if (bytes.StartsWith("PK\x03\x04"u8) || bytes.StartsWith("PK\x05\x06"u8)) return CheckpointFormat.TorchZip;
        if (read >= 2 && bytes[0] == 0x80 && bytes[1] is >= 2 and <= 5) return CheckpointFormat.TorchLegacy;
        var text = bytes.StartsWith("\xEF\xBB\xBF"u8) ? bytes[3..] : bytes;
        var firstNonSpace = text.IndexOfAnyExcept(" \t\r\n"u8);
        if (firstNonSpace >= 0 && text[firstNonSpace] == (byte)'{') return CheckpointFormat.ShardIndex;
        if (read >= 262 && bytes[257..262].SequenceEqual("ustar"u8))
            throw new DataFormatException(path, 0, "a tar archive: torch.save's format before PyTorch 0.4 (2018), which is not supported; re-save it with a newer PyTorch");
        if (length == 0) throw new DataFormatException(path, 0, "empty file, not a checkpoint");
        throw new DataFormatException(path, 0, $"not a checkpoint: expected safetensors, a PyTorch .bin (zip or legacy pickle) or a shard index (*.index.json); " +
            $"the file starts with {Convert.ToHexString(bytes[..Math.Min(read, 8)])}");
    }
}
