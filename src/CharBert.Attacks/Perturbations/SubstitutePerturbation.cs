using System.Runtime.CompilerServices;
namespace CharBert.Attacks.Perturbations;

/// <summary>Replaces one character by a letter drawn uniformly from <paramref name="alphabet"/> (nlpaug's
/// RandomCharAug "substitute"); drawing the same letter leaves the word unchanged.</summary>
public sealed class SubstitutePerturbation(string alphabet = AddPerturbation.LowerLetters, bool allowEnds = false)
    : CharacterReplacementPerturbation(allowEnds)
{
    public override PerturbationType Type => PerturbationType.Substitute;

    public override IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["alphabet"] = alphabet, ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override string Replacements(char c) => alphabet;
}
