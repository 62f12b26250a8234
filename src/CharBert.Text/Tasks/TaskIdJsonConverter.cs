using System.Text.Json;
using System.Text.Json.Serialization;

namespace CharBert.Text.Tasks;

/// <summary>A <see cref="TaskId"/> in JSON is its name as a string ("ner", "glue:qnli"), as files have always held it.</summary>
public sealed class TaskIdJsonConverter : JsonConverter<TaskId>
{
    public override TaskId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException($"a task must be a string ({TaskId.ValidValues})");
        return TaskId.TryParse(reader.GetString(), out var task, out var error) ? task : throw new JsonException(error);
    }

    public override void Write(Utf8JsonWriter writer, TaskId value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
