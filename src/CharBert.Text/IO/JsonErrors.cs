using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CharBert.Text.IO;

/// <summary>System.Text.Json's errors in the toolkit's style: the file, the 1-based line and the JSON path, and the
/// problem in words, without .NET type names and without the library's 0-based "LineNumber | BytePositionInLine" suffix.</summary>
public static partial class JsonErrors
{
    [GeneratedRegex(@"\s*(Path: \S*\s*\|\s*)?LineNumber: \d+ \| BytePositionInLine: \d+\.?")]
    private static partial Regex LocationSuffix();

    /// <summary>A quoted piece of the input longer than a few words (the reader quotes whole lines of a non-JSON file).</summary>
    [GeneratedRegex(@"'(?<start>[^'\n]{30})[^']{10,}'")]
    private static partial Regex LongQuote();

    [GeneratedRegex(@"^The JSON value could not be converted to (?<type>[^ ]+?)\.?$")]
    private static partial Regex NotConvertible();

    [GeneratedRegex(@"^JSON deserialization for type '[^']+' was missing required properties including: (?<names>.*?)\.?$")]
    private static partial Regex MissingRequired();

    /// <summary>A <see cref="DataFormatException"/> for <paramref name="file"/>: line and JSON path of the error, and the
    /// problem, after <paramref name="context"/> (e.g. "invalid word-recogniser configuration: ").</summary>
    public static DataFormatException InFile(string file, JsonException e, string context = "")
    {
        var at = e.Path is { Length: > 1 } path ? $" (at {path})" : "";
        return new DataFormatException(file, e.LineNumber is { } line ? line + 1 : 0, context + Problem(e) + at, e);
    }

    /// <summary>The problem alone, in words.</summary>
    public static string Problem(JsonException e)
    {
        var message = LongQuote().Replace(LocationSuffix().Replace(e.Message, "").Trim(), "'${start}…'");
        if (NotConvertible().Match(message) is { Success: true } value) return $"expected {Describe(value.Groups["type"].Value)}";
        if (MissingRequired().Match(message) is { Success: true } missing) return $"missing required keys: {missing.Groups["names"].Value.Replace("'", "")}";
        if (message.StartsWith("The input does not contain any JSON tokens", StringComparison.Ordinal)) return "no JSON value (the file is empty)";
        return message;
    }

    /// <summary>What a .NET type name stands for in JSON: "a whole number", "one of conv, sum, none".</summary>
    static string Describe(string typeName)
    {
        if (typeName.StartsWith("System.Nullable`1[", StringComparison.Ordinal)) typeName = typeName["System.Nullable`1[".Length..].Trim('[', ']').Split(',')[0];
        return typeName switch
        {
            "System.Int32" or "System.Int64" or "System.Int16" or "System.Byte" => "a whole number",
            "System.UInt32" or "System.UInt64" or "System.UInt16" => "a whole number of at least 0",
            "System.Double" or "System.Single" or "System.Decimal" => "a number",
            "System.String" => "a string",
            "System.Boolean" => "true or false",
            _ when typeName.EndsWith("[]", StringComparison.Ordinal) || typeName.Contains("List`1") || typeName.Contains("Enumerable`1") => "a list",
            _ when typeName.Contains("Dictionary`2") => "an object of keys and values",
            _ => FindType(typeName) is { IsEnum: true } enumType ? $"one of {string.Join(", ", EnumNames(enumType))}" : "an object",
        };
    }

    static Type? FindType(string name) =>
        AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(name, throwOnError: false)).FirstOrDefault(t => t is not null);

    static IEnumerable<string> EnumNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? JsonNamingPolicy.SnakeCaseLower.ConvertName(f.Name));
}
