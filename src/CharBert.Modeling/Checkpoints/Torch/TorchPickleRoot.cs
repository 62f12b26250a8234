using System.Collections;
using System.Text.RegularExpressions;
using CharBert.Text.IO;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;

namespace CharBert.Modeling.Checkpoints.Torch;

/// <summary>What a .bin checkpoint's main pickle must be: a dict of tensors, as torch.save(model.state_dict()) writes
/// it. Everything else (a whole model, a training checkpoint dict, other objects) becomes one clear error.</summary>
internal static partial class TorchPickleRoot
{
    public const string ResaveHint = "re-save it with torch.save(model.state_dict(), path)";

    [GeneratedRegex(@"\(for (?<name>[\w.]+)\)")]
    private static partial Regex UnsupportedClass();

    /// <summary>The dict's entries, each checked with <paramref name="isTensor"/>.</summary>
    public static IReadOnlyList<(string Key, object Value)> RequireTensorDict(object? root, string path, Func<object?, bool> isTensor)
    {
        if (root is ClassDict module)
            throw new DataFormatException(path, 0, $"holds a pickled {module.ClassName} object (a whole model saved with torch.save(model)?), not a state dict: {ResaveHint}");
        if (root is not IDictionary dict)
            throw new DataFormatException(path, 0, $"holds a pickled {Describe(root)}, not a state dict (a dict of tensors): {ResaveHint}");
        var entries = new List<(string, object)>(dict.Count);
        var others = new List<string>();
        foreach (DictionaryEntry entry in dict)
        {
            if (entry.Key is string key && isTensor(entry.Value)) entries.Add((key, entry.Value!));
            else others.Add($"'{entry.Key}': {Describe(entry.Value)}");
        }
        if (others.Count > 0)
            throw new DataFormatException(path, 0, $"holds a dict whose entries are not all tensors ({string.Join(", ", others.Order(StringComparer.Ordinal).Take(5))}" +
                $"{(others.Count > 5 ? $", and {others.Count - 5} more" : "")}): a training checkpoint or another object rather than a state dict? {ResaveHint}");
        return entries;
    }

    /// <summary>Razorvine's error for a class it cannot construct, as one line naming the class.</summary>
    public static DataFormatException UnsupportedObject(string path, PickleException e)
    {
        var match = UnsupportedClass().Match(e.Message);
        var what = match.Success ? $"a {match.Groups["name"].Value} object" : $"an object this reader cannot rebuild ({e.Message.Split('.')[0]})";
        return new DataFormatException(path, 0, $"holds {what}, not only tensors in a dict: {ResaveHint}", e);
    }

    private static string Describe(object? value) => value switch
    {
        null => "None",
        string => "str",
        int or long or System.Numerics.BigInteger => "int",
        double => "float",
        bool => "bool",
        object[] => "tuple",
        ClassDict c => c.ClassName,
        IDictionary => "dict",
        IList => "list",
        _ => value.GetType().Name,
    };
}
