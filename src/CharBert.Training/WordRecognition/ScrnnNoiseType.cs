namespace CharBert.Training.WordRecognition;

/// <summary>The four training noises of Pruthi et al. (2019), named as in their scRNN code.</summary>
public enum ScrnnNoiseType { Swap, Drop, Add, Key }

public static class ScrnnNoiseTypes
{
    public static IReadOnlyList<ScrnnNoiseType> All { get; } = Enum.GetValues<ScrnnNoiseType>();

    public static string ToName(this ScrnnNoiseType type) => type.ToString().ToLowerInvariant();

    /// <summary>Parses "swap,drop,add,key" (any subset, any order).</summary>
    public static IReadOnlyList<ScrnnNoiseType> ParseList(string commaSeparated)
    {
        var names = commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (names.Length == 0) throw new ArgumentException("at least one noise type is needed (swap, drop, add, key)");
        return names.Select(name => Enum.TryParse<ScrnnNoiseType>(name, ignoreCase: true, out var type)
                ? type
                : throw new ArgumentException($"unknown noise type '{name}'; known: swap, drop, add, key"))
            .Distinct().ToArray();
    }
}
