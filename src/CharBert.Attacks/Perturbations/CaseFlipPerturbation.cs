using System.Runtime.CompilerServices;
namespace CharBert.Attacks.Perturbations;

/// <summary>Flips the case of one letter (invariant culture); a non-letter position leaves the word unchanged.</summary>
public sealed class CaseFlipPerturbation(bool allowEnds = false) : CharacterReplacementPerturbation(allowEnds)
{
    static readonly string[] AsciiFlips = Enumerable.Range(0, 128).Select(i => Flip((char)i)).ToArray();

    public override PerturbationType Type => PerturbationType.CaseFlip;

    public override IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override string Replacements(char c) => c < 128 ? AsciiFlips[c] : Flip(c);

    static string Flip(char c)
    {
        var flipped = char.IsUpper(c) ? char.ToLowerInvariant(c) : char.IsLower(c) ? char.ToUpperInvariant(c) : c;
        return flipped == c ? "" : flipped.ToString();
    }
}
