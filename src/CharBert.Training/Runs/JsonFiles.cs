using CharBert.Text.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharBert.Training.Runs;

/// <summary>The JSON conventions of run directories: indented, snake_case names, enums as strings.</summary>
public static class JsonFiles
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write<T>(string path, T value) => AtomicFile.WriteAllText(path, JsonSerializer.Serialize(value, Options));

    public static T Read<T>(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path), Options)
                   ?? throw new InvalidDataException($"{path}: empty JSON document");
        }
        catch (JsonException e)
        {
            throw JsonErrors.InFile(path, e);
        }
    }
}
