using System.Text.Json;

namespace CharBert.Hub;

/// <summary>Which files of a model repository the toolkit needs: config.json, the vocabulary files that exist,
/// and one set of weights, preferring safetensors as transformers does (model.safetensors, its sharded index,
/// pytorch_model.bin, its sharded index). The same rules pick files from the hub's listing and check that a
/// cached snapshot is complete.</summary>
public static class ModelFiles
{
    public const string Config = "config.json";

    /// <summary>Fetched when the repository has them: vocab.txt (the WordPiece vocabulary BERT needs), the tokenizer's
    /// settings, and CharBERT's own character and term vocabularies (a released CharBERT model may ship them).</summary>
    public static readonly IReadOnlyList<string> VocabularyFiles =
        ["vocab.txt", "tokenizer_config.json", "special_tokens_map.json", "bert_char_vocab", "term_vocab"];

    /// <summary>Weight files in order of preference.</summary>
    public static readonly IReadOnlyList<string> WeightFiles =
        ["model.safetensors", "model.safetensors.index.json", "pytorch_model.bin", "pytorch_model.bin.index.json"];

    /// <summary>Weight files the toolkit does not read, named in the error when a repository has only those.</summary>
    static readonly string[] OtherWeightFiles = ["tf_model.h5", "flax_model.msgpack", "model.onnx", "onnx/model.onnx", "rust_model.ot"];

    public static bool IsShardIndex(string file) => file.EndsWith(".index.json", StringComparison.Ordinal);

    /// <summary>The files to fetch, in download order (small files first, weights last, so a snapshot that
    /// holds its weights holds everything before them); shards of an index come from <see cref="ShardsOf"/>.</summary>
    public static IReadOnlyList<string> Choose(IReadOnlySet<string> available, string where)
    {
        if (!available.Contains(Config))
            throw new HubException(HubErrorKind.EntryNotFound, $"{where} has no {Config}: not a transformers model repository");
        var weights = WeightFiles.FirstOrDefault(available.Contains)
            ?? throw new HubException(HubErrorKind.NoWeights, $"{where} has no weights the toolkit reads ({string.Join(", ", WeightFiles)})"
                + (OtherWeightFiles.Any(available.Contains) ? $"; it has only {string.Join(", ", OtherWeightFiles.Where(available.Contains))}" : ""));
        return [Config, .. VocabularyFiles.Where(available.Contains), weights];
    }

    /// <summary>The shard files a <c>*.index.json</c> names in its <c>weight_map</c>, in first-use order.</summary>
    public static IReadOnlyList<string> ShardsOf(string indexPath, string displayName)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(indexPath));
            if (!document.RootElement.TryGetProperty("weight_map", out var map) || map.ValueKind != JsonValueKind.Object)
                throw new HubException(HubErrorKind.NotAHub, $"{displayName}: no \"weight_map\" object");
            var shards = new List<string>();
            foreach (var entry in map.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.String)
                    throw new HubException(HubErrorKind.NotAHub, $"{displayName} at weight_map[\"{entry.Name}\"]: expected a file name");
                var shard = entry.Value.GetString()!;
                try { RepoPath.Segments(shard); }
                catch (HubException) { throw new HubException(HubErrorKind.NotAHub, $"{displayName} at weight_map[\"{entry.Name}\"]: '{shard}' is not a usable file name"); }
                if (!shards.Contains(shard)) shards.Add(shard);
            }
            if (shards.Count == 0) throw new HubException(HubErrorKind.NotAHub, $"{displayName}: \"weight_map\" is empty");
            return shards;
        }
        catch (JsonException e)
        {
            throw new HubException(HubErrorKind.NotAHub, $"{displayName}: not valid JSON (line {e.LineNumber + 1}): {e.Message}", e);
        }
    }

    /// <summary>The model files of a cached snapshot when it is complete (config.json and every weight file,
    /// shards included), else null.</summary>
    public static IReadOnlyList<string>? CompleteIn(string snapshotFolder)
    {
        if (!Directory.Exists(snapshotFolder)) return null;
        var candidates = new[] { Config }.Concat(VocabularyFiles).Concat(WeightFiles);
        var present = candidates.Where(f => HubCache.HasContent(Path.Combine(snapshotFolder, f))).ToHashSet(StringComparer.Ordinal);
        IReadOnlyList<string> chosen;
        try { chosen = Choose(present, snapshotFolder); }
        catch (HubException) { return null; }
        var weights = chosen[^1];
        if (!IsShardIndex(weights)) return chosen;
        IReadOnlyList<string> shards;
        try { shards = ShardsOf(Path.Combine(snapshotFolder, weights), weights); }
        catch (HubException) { return null; }
        return shards.All(s => HubCache.HasContent(Path.Combine([snapshotFolder, .. RepoPath.Segments(s)]))) ? [.. chosen, .. shards] : null;
    }
}
