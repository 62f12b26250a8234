using System.CommandLine;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace CharBert.Cli;

/// <summary>System.CommandLine's parse errors as one line in the toolkit's words: "--seed: 'abc' is not a whole
/// number" instead of "... as expected type 'System.Int32'", and a pointer to the verb's --help.</summary>
static partial class ParseErrorMessages
{
    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<name>[^']*)' as expected type '[^']*'\.")]
    private static partial Regex CannotParse();

    public static string Describe(ParseResult parse)
    {
        var messages = parse.Errors.Select(Describe).Distinct();
        var verb = string.Join(' ', Path(parse.CommandResult).Reverse());
        return $"{string.Join("; ", messages)} (see {verb} --help)";
    }

    static IEnumerable<string> Path(SymbolResult? result)
    {
        for (; result is not null; result = result.Parent)
            if (result is CommandResult command) yield return command.Parent is null ? "charbert" : command.Command.Name;
    }

    static string Describe(ParseError error)
    {
        var message = error.Message.Split('\n')[0].Trim();
        var match = CannotParse().Match(message);
        var type = error.SymbolResult switch
        {
            ArgumentResult argument => argument.Argument.ValueType,
            OptionResult option => option.Option.ValueType,
            _ => null,
        };
        if (!match.Success || type is null) return message;
        return $"{match.Groups["name"].Value}: '{match.Groups["value"].Value}' is not {Friendly(type)}";
    }

    /// <summary>What a value type means on the command line.</summary>
    public static string Friendly(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsArray) type = type.GetElementType()!;
        if (type.IsEnum) return $"one of {string.Join(", ", Enum.GetNames(type).Select(n => n.ToLowerInvariant()))}";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return $"a whole number (at most {MaxOf(type)})";
        if (type == typeof(uint) || type == typeof(ulong) || type == typeof(ushort)) return $"a whole number from 0 to {MaxOf(type)}";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "a number";
        if (type == typeof(bool)) return "true or false";
        return "valid";
    }

    static object MaxOf(Type type) => type.GetField("MaxValue")!.GetValue(null)!;
}
