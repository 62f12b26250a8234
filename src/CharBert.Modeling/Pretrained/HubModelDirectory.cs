using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using CharBert.Hub;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.IO;
using CharBert.Text.Vocab;

namespace CharBert.Modeling.Pretrained;

/// <summary>A Hugging Face hub snapshot as a toolkit model directory: the snapshot's files (config.json, vocab.txt,
/// weights and shards...), a tokenizer_config.json that states the casing, CharBERT's bert_char_vocab and term_vocab
/// (the repository's own, else derived from vocab.txt) and provenance.json. The hub cache is never written to:
/// Python shares it.</summary>
public static class HubModelDirectory
{
    /// <summary>Where a model source resolves a hub model at one commit: <c>{models cache}/hub/models--org--name/{commit}</c>.</summary>
    public static string CachedPath(string modelsCache, HubSnapshot snapshot) =>
        Path.Combine(modelsCache, "hub", snapshot.Repo.CacheFolderName, snapshot.Commit);

    /// <summary>The model directory of <paramref name="snapshot"/> under <paramref name="modelsCache"/>, written once
    /// (atomically) with its weights linked to the hub cache's blobs, copied where links are impossible. A directory
    /// whose links lead nowhere (the hub cache was cleaned) is written again.</summary>
    public static string Ensure(HubSnapshot snapshot, string modelsCache, Action<string>? log = null)
    {
        var directory = CachedPath(modelsCache, snapshot);
        if (Directory.Exists(directory) && Directory.EnumerateFiles(directory).All(HubCache.HasContent)) return directory;
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
        log?.Invoke($"preparing {snapshot.Repo} (commit {snapshot.Commit}) as a model directory in {directory}");
        try { AtomicFile.WriteDirectory(directory, temp => Write(snapshot, temp, linkToCache: true)); }
        catch (IOException) when (Directory.Exists(directory)) { } // another process prepared it meanwhile
        return directory;
    }

    /// <summary>Fills <paramref name="directory"/> (existing and empty). <paramref name="linkToCache"/>: the snapshot's
    /// files become links to the hub cache's blobs; else copies (a folder the user keeps, e.g. `models get --out`).</summary>
    public static void Write(HubSnapshot snapshot, string directory, bool linkToCache)
    {
        RequireBert(snapshot);
        foreach (var file in snapshot.Files)
        {
            var target = Path.Combine([directory, .. RepoPath.Segments(file.Name)]);
            if (file.Name == TokenizerConfigFile.FileName) File.Copy(file.Path, target); // rewritten below: never a link
            else HubCache.PlacePointer(ContentPath(file.Path), target, newBlob: false, disableSymlinks: !linkToCache);
        }
        var (lowerCase, casingSource) = Casing(directory);
        TokenizerConfigFile.Write(directory, lowerCase);
        var derived = ModelVocabularies.CompleteModelDirectory(directory);
        Provenance(snapshot, directory, linkToCache, lowerCase, casingSource, derived).Save(directory);
    }

    /// <summary>The toolkit reads BERT checkpoints with a WordPiece vocabulary; other architectures would fail later,
    /// at loading, with a list of unexpected weights.</summary>
    static void RequireBert(HubSnapshot snapshot)
    {
        var config = snapshot.Find(ModelDirectory.ConfigFile)!;
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(config.Path)); }
        catch (JsonException e) { throw new DataFormatException($"{snapshot.Repo}'s {ModelDirectory.ConfigFile}", e.LineNumber is { } l ? l + 1 : 0, e.Message, e); }
        var modelType = (root as JsonObject)?["model_type"]?.GetValueKind() == JsonValueKind.String ? root!["model_type"]!.GetValue<string>() : null;
        if (modelType is not null && modelType != "bert")
            throw new InvalidDataException($"{snapshot.Repo} is a '{modelType}' model: the toolkit reads BERT checkpoints (model_type \"bert\") with a WordPiece vocab.txt");
        if (snapshot.Find(ModelVocabularyFiles.WordPiece) is null)
            throw new InvalidDataException($"{snapshot.Repo} has no {ModelVocabularyFiles.WordPiece}: the toolkit needs BERT's WordPiece vocabulary");
    }

    /// <summary>The repository's do_lower_case; else whether its vocabulary has upper-case entries (an uncased BERT
    /// vocabulary has none besides specials such as [CLS]).</summary>
    static (bool LowerCase, string Source) Casing(string directory)
    {
        if (TokenizerConfigFile.ReadDoLowerCase(directory) is { } stated) return (stated, "the repository's tokenizer_config.json");
        var upper = VocabularyFile.ReadEntries(Path.Combine(directory, ModelVocabularyFiles.WordPiece))
            .Any(e => !ModelVocabularies.IsSpecialEntry(e) && e.Any(char.IsUpper));
        return (!upper, upper ? "inferred: vocab.txt has upper-case entries" : "inferred: vocab.txt has no upper-case entry");
    }

    static ModelProvenance Provenance(HubSnapshot snapshot, string directory, bool linked, bool lowerCase, string casingSource, IReadOnlyList<string> derived)
    {
        var license = snapshot.License ?? "not stated on the hub: see the model card";
        var endpoint = snapshot.Endpoint ?? HubSettings.DefaultEndpoint;
        return new ModelProvenance
        {
            Model = snapshot.Repo.Value,
            ModelLicense = license,
            SourcePackage = $"{endpoint}/{snapshot.Repo} at revision {snapshot.Revision}, commit {snapshot.Commit} (Hugging Face hub)",
            SourcePackageLicense = license,
            SourceResources = [.. snapshot.Files.Select(f => new ProvenanceResource(f.Name, f.Bytes, Sha256(f.Path)))],
            Conversion =
            [
                linked ? "files: the hub snapshot's, linked to the blobs of the hub cache" : "files: copies of the hub snapshot's",
                $"tokenizer_config.json: do_lower_case {lowerCase.ToString().ToLowerInvariant()} ({casingSource})",
                derived.Count > 0 ? $"{string.Join(", ", derived)}: derived from vocab.txt (CharBERT's character and NLM term vocabularies)"
                    : "bert_char_vocab, term_vocab: the repository's",
            ],
        };
    }

    /// <summary>The blob a snapshot entry links to (the entry itself when it is a copy).</summary>
    static string ContentPath(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
