using System.Text.Json;
using System.Text.Json.Nodes;
using CharBert.Text.IO;

namespace CharBert.Experiments.Sweeps;

/// <summary>A sweep: one experiment spec run under several named settings, each a JSON merge patch on top of the spec
/// (e.g. <c>{ "training": { "pretrain_steps": 400 } }</c>). <see cref="X"/> is the dotted spec path charted on the x axis
/// (e.g. <c>training.pretrain_steps</c>); settings that differ in other patched values form separate series, except
/// removals (a null leaf, e.g. a model left out) and, when <see cref="Series"/> is given, values not listed there (set
/// alongside x, e.g. a warm-up scaled with the steps).</summary>
public sealed record SweepSpec(string SpecPath, string X, IReadOnlyList<(string Name, JsonObject Patch)> Settings,
    IReadOnlyList<string>? Series = null)
{
    /// <summary>True when a patched leaf tells one series from another.</summary>
    public bool DefinesSeries((string Path, string Value) leaf) =>
        leaf.Path != X && leaf.Value != "null" && (Series is null || Series.Contains(leaf.Path));

    /// <summary>Reads a sweep file: <c>{ "spec": "path relative to this file", "x": "training.pretrain_steps",
    /// "settings": { "name": { patch }, ... }, "series": ["dotted.path", ...] }</c> ("series" optional; comments and
    /// trailing commas allowed).</summary>
    public static SweepSpec Load(string path)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: sweep file not found", path);
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path), documentOptions: new JsonDocumentOptions
                { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new DataFormatException(path, "$", "a sweep must be a JSON object");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, e.LineNumber is { } l ? l + 1 : 0, e.Message.Split('\n')[0], e);
        }
        string Text(string key) => root[key] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
            : throw new DataFormatException(path, $"$.{key}", "must be a string");
        if (root["settings"] is not JsonObject settings || settings.Count == 0)
            throw new DataFormatException(path, "$.settings", "must be an object of named settings (merge patches)");
        var unknown = root.Select(kv => kv.Key).Except(["spec", "x", "settings", "series"]).FirstOrDefault();
        if (unknown is not null) throw new DataFormatException(path, $"$.{unknown}", "unknown key (spec, x, settings and series are allowed)");
        IReadOnlyList<string>? series = root["series"] switch
        {
            null => null,
            JsonArray array => array.Select((item, i) => item is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>()
                : throw new DataFormatException(path, $"$.series[{i}]", "must be a dotted spec path (a string)")).ToArray(),
            _ => throw new DataFormatException(path, "$.series", "must be a list of dotted spec paths"),
        };
        var list = settings.Select(kv => (kv.Key, kv.Value as JsonObject
            ?? throw new DataFormatException(path, $"$.settings.{kv.Key}", "must be an object (a merge patch of the spec)"))).ToList();
        foreach (var (name, _) in list)
            if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || name is "." or "..")
                throw new DataFormatException(path, $"$.settings.{name}", "a setting's name is its results folder: use letters, digits, '-' or '.'");
        return new SweepSpec(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, Text("spec"))), Text("x"),
            list.Select(s => (s.Key, (JsonObject)s.Item2.DeepClone())).ToList(), series);
    }

    /// <summary>The dotted paths and values a patch sets ("training.pretrain_steps" = "400").</summary>
    public static IEnumerable<(string Path, string Value)> Leaves(JsonNode? node, string prefix = "") => node switch
    {
        JsonObject o => o.SelectMany(kv => Leaves(kv.Value, prefix.Length == 0 ? kv.Key : $"{prefix}.{kv.Key}")),
        null => [(prefix, "null")],
        _ => [(prefix, node.ToJsonString())],
    };
}
