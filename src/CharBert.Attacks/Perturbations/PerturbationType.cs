namespace CharBert.Attacks.Perturbations;

/// <summary>The kinds of one-word edits. The lower-case name is what logs, manifests and the CLI use.</summary>
public enum PerturbationType
{
    Drop,
    Add,
    Swap,
    Keyboard,
    Substitute,
    Homoglyph,
    Ocr,
    CaseFlip,
    Misspelling,
}

public static class PerturbationTypeNames
{
    public static string ToName(this PerturbationType type) => type switch
    {
        PerturbationType.CaseFlip => "case-flip",
        _ => type.ToString().ToLowerInvariant(),
    };

    public static PerturbationType Parse(string name)
    {
        foreach (var type in Enum.GetValues<PerturbationType>())
            if (string.Equals(type.ToName(), name.Trim(), StringComparison.OrdinalIgnoreCase)) return type;
        throw new ArgumentException($"unknown perturbation type '{name}'; known: " +
                                    string.Join(", ", Enum.GetValues<PerturbationType>().Select(t => t.ToName())));
    }

    public static IReadOnlyList<PerturbationType> ParseList(string commaSeparated) =>
        commaSeparated.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Parse).Distinct().ToArray();
}
