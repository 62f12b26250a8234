using System.Runtime.CompilerServices;
using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Perturbations;

/// <summary>Replaces one character by a keyboard neighbour from <paramref name="map"/> (looked up lower-cased;
/// the neighbour is written as the map gives it, lower-case for both shipped maps). A character outside the
/// map leaves the word unchanged.</summary>
public sealed class KeyboardPerturbation(KeyboardMap map, bool allowEnds = false) : CharacterReplacementPerturbation(allowEnds)
{
    public override PerturbationType Type => PerturbationType.Keyboard;

    public override IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["keyboard"] = map.Name, ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override string Replacements(char c) => map.Neighbours(c);
}
