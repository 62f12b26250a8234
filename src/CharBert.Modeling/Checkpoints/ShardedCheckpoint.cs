using System.Text.Json;
using CharBert.Text.IO;
using static TorchSharp.torch;

namespace CharBert.Modeling.Checkpoints;

/// <summary>Hugging Face's sharded checkpoints: an index (model.safetensors.index.json or pytorch_model.bin.index.json,
/// as save_pretrained writes them) whose "weight_map" names the shard file, beside the index, of every tensor.
/// Every shard is read (in any format <see cref="StateDictFile"/> reads), every mapped tensor must be in its shard,
/// and no tensor may be in two shards.</summary>
public static class ShardedCheckpoint
{
    /// <summary>The weight_map: tensor name → shard file name.</summary>
    public static IReadOnlyDictionary<string, string> ReadWeightMap(string indexPath)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(indexPath));
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
                throw new DataFormatException(indexPath, "$.weight_map", "missing: a sharded checkpoint index maps every tensor name to its shard file");
            var weightMap = new Dictionary<string, string>();
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String || entry.Value.GetString() is not { Length: > 0 } shard
                    || shard != Path.GetFileName(shard))
                    throw new DataFormatException(indexPath, $"$.weight_map[\"{entry.Name}\"]", "must be the file name of a shard beside the index");
                weightMap[entry.Name] = shard;
            }
            if (weightMap.Count == 0) throw new DataFormatException(indexPath, "$.weight_map", "is empty");
            return weightMap;
        }
        catch (JsonException e) { throw new DataFormatException(indexPath, e.LineNumber is { } l ? l + 1 : 0, $"not valid JSON: {e.Message}", e); }
    }

    /// <summary>The tensors of every shard, created in the current dispose scope.</summary>
    public static Dictionary<string, Tensor> Read(string indexPath)
    {
        var weightMap = ReadWeightMap(indexPath);
        var directory = Path.GetDirectoryName(Path.GetFullPath(indexPath))!;
        var tensors = new Dictionary<string, Tensor>(weightMap.Count);
        foreach (var shard in weightMap.Values.Distinct().Order(StringComparer.Ordinal))
        {
            var shardPath = Path.Combine(directory, shard);
            if (!File.Exists(shardPath))
                throw new DataFormatException(indexPath, "$.weight_map", $"names shard {shard}, which is not beside the index");
            if (StateDictFile.Sniff(shardPath) == CheckpointFormat.ShardIndex)
                throw new DataFormatException(shardPath, 0, "a shard must hold tensors, not another index");
            foreach (var (name, tensor) in StateDictFile.ReadTensors(shardPath))
            {
                if (!tensors.TryAdd(name, tensor))
                    throw new DataFormatException(shardPath, 0, $"tensor '{name}' is in more than one shard");
                if (weightMap.TryGetValue(name, out var expected) && expected != shard)
                    throw new DataFormatException(indexPath, $"$.weight_map[\"{name}\"]", $"says {expected}, but the tensor is in {shard}");
            }
        }
        var missing = weightMap.Keys.Where(k => !tensors.ContainsKey(k)).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
            throw new DataFormatException(indexPath, "$.weight_map", $"{missing.Count} mapped tensors are in no shard: {string.Join(", ", missing.Take(5))}");
        return tensors;
    }
}
