using System.Text.Json.Nodes;

namespace CharBert.Experiments.Specs;

/// <summary>RFC 7396 JSON Merge Patch: objects merge key by key, a null value deletes the key, anything
/// else (numbers, strings, arrays) replaces. This is how an override file changes a base spec.</summary>
public static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = Apply(result[key], value);
        }
        return result;
    }
}
