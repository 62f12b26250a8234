using System.Text.Json;
using System.Text.Json.Nodes;
using CharBert.Text.IO;

namespace CharBert.Experiments.Specs;

/// <summary>Loads an experiment spec: a JSON file that may name a "base" file (relative to itself); the
/// chain is merged base-first with <see cref="JsonMergePatch"/>, fairseq-style. A value of "???" marks
/// something the user must supply: loading fails fast naming the file and the key still left open.</summary>
public static class SpecLoader
{
    public const string MustSupply = "???";
    const string BaseKey = "base";

    public static ExperimentSpec Load(string path) => Load(path, null, null);

    /// <summary>The spec with one more merge patch on top of its chain (a sweep's setting), named <paramref name="patchName"/>
    /// in error messages.</summary>
    public static ExperimentSpec Load(string path, JsonObject? patch, string? patchName)
    {
        var chain = ReadChain(Path.GetFullPath(path), []);
        if (patch is not null) chain.Add((patchName ?? "patch", patch));
        JsonNode? merged = null;
        foreach (var (_, json) in chain) merged = JsonMergePatch.Apply(merged, json);
        var root = (JsonObject)merged!;

        foreach (var open in FindMustSupply(root, "$"))
        {
            var origin = chain.Last(c => FindMustSupply(c.Json, "$").Contains(open)).File;
            throw new DataFormatException(origin, open,
                $"value must be supplied (still \"{MustSupply}\" after merging {string.Join(" <- ", chain.Select(c => Path.GetFileName(c.File)))})");
        }

        ExperimentSpec spec;
        try
        {
            spec = root.Deserialize<ExperimentSpec>(SpecJson.Options)
                   ?? throw new DataFormatException(path, "$", "spec is empty");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, e.Path ?? "$", JsonErrors.Problem(e), e);
        }
        SpecValidation.Check(spec, path);
        // data_root is relative to the spec file, so a spec works from any working directory.
        return spec with { DataRoot = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, spec.DataRoot)) };
    }

    /// <summary>The merged spec as JSON (what a run directory records as its resolved configuration).</summary>
    public static string ToJson(ExperimentSpec spec) => JsonSerializer.Serialize(spec, SpecJson.Options);

    static List<(string File, JsonObject Json)> ReadChain(string file, HashSet<string> seen)
    {
        if (!seen.Add(file)) throw new DataFormatException(file, "$.base", "base files form a cycle");
        InputFile.Require(file, "spec file");
        JsonObject json;
        try
        {
            json = JsonNode.Parse(File.ReadAllText(file), documentOptions: new JsonDocumentOptions
                   { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                   ?? throw new DataFormatException(file, "$", "a spec must be a JSON object");
        }
        catch (JsonException e)
        {
            throw JsonErrors.InFile(file, e);
        }

        var chain = new List<(string, JsonObject)>();
        if (json[BaseKey] is { } baseNode)
        {
            if (baseNode.GetValueKind() != JsonValueKind.String)
                throw new DataFormatException(file, "$.base", "must be a path (string) relative to this file");
            chain.AddRange(ReadChain(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, baseNode.GetValue<string>())), seen));
            json.Remove(BaseKey);
        }
        chain.Add((file, json));
        return chain;
    }

    static List<string> FindMustSupply(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(kv => FindMustSupply(kv.Value, $"{path}.{kv.Key}")).ToList(),
        JsonArray a => a.SelectMany((v, i) => FindMustSupply(v, $"{path}[{i}]")).ToList(),
        JsonValue v when v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() == MustSupply => [path],
        _ => [],
    };
}
