using System.Text.Json;
using System.Text.Json.Nodes;
using CharBert.Text.IO;

namespace CharBert.Text.Vocab;

/// <summary>A model directory's tokenizer_config.json (Hugging Face's name and key): whether its vocabulary is
/// uncased (<c>do_lower_case</c>). An uncased vocabulary read cased maps most capitalised words to [UNK], so every
/// command that reads a model directory takes its casing from here unless the user says otherwise.</summary>
public static class TokenizerConfigFile
{
    public const string FileName = "tokenizer_config.json";
    const string DoLowerCaseKey = "do_lower_case";

    /// <summary><c>do_lower_case</c> of the directory's tokenizer_config.json; null when the file or the key is absent.</summary>
    public static bool? ReadDoLowerCase(string directory)
    {
        var path = Path.Combine(directory, FileName);
        if (!File.Exists(path)) return null;
        JsonNode? root;
        try { root = JsonNode.Parse(File.ReadAllText(path)); }
        catch (JsonException e) { throw new DataFormatException(path, e.LineNumber is { } l ? l + 1 : 0, e.Message, e); }
        if (root is not JsonObject json) throw new DataFormatException(path, 1, "expected a JSON object");
        if (!json.TryGetPropertyValue(DoLowerCaseKey, out var value) || value is null) return null;
        return value.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw new DataFormatException(path, $"$.{DoLowerCaseKey}", $"expected true or false, got {value.ToJsonString()}"),
        };
    }

    /// <summary>The casing to use: <paramref name="requested"/> when the user gave one, else the first of
    /// <paramref name="directories"/> whose tokenizer_config.json says, else cased (the original CharBERT models are cased).</summary>
    public static bool ResolveLowerCase(bool? requested, params string?[] directories) =>
        requested ?? directories.OfType<string>().Select(ReadDoLowerCase).FirstOrDefault(v => v is not null) ?? false;

    /// <summary>Sets <c>do_lower_case</c> in the directory's tokenizer_config.json (keeping its other keys), atomically.</summary>
    public static void Write(string directory, bool doLowerCase)
    {
        var path = Path.Combine(directory, FileName);
        var json = File.Exists(path) && JsonNode.Parse(File.ReadAllText(path)) is JsonObject existing
            ? existing
            : new JsonObject { ["tokenizer_class"] = "BertTokenizer" };
        json[DoLowerCaseKey] = doLowerCase;
        AtomicFile.WriteAllText(path, json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
