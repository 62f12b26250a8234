using System.Runtime.CompilerServices;
namespace CharBert.Attacks.Perturbations;

/// <summary>Replaces one Latin letter or digit by a visually similar character from another script
/// (Cyrillic/Greek look-alikes, as in the homoglyph attacks of Eger et al. 2019, "VIPER"). Characters without
/// a look-alike leave the word unchanged.</summary>
public sealed class HomoglyphPerturbation(bool allowEnds = false) : CharacterReplacementPerturbation(allowEnds)
{
    // Hand-picked look-alikes: Cyrillic а с е о р х у і ј ѕ ԁ ԛ ԝ ӏ, Greek ο ν, and capitals А В С Е Н І Ј К М О Р Ѕ Т Х Ү Ζ.
    static readonly Dictionary<char, string> Table = new()
    {
        ['a'] = "\u0430", ['c'] = "\u0441", ['d'] = "\u0501", ['e'] = "\u0435", ['i'] = "\u0456", ['j'] = "\u0458",
        ['l'] = "\u04CF", ['o'] = "\u043E\u03BF", ['p'] = "\u0440", ['q'] = "\u051B", ['s'] = "\u0455", ['v'] = "\u03BD",
        ['w'] = "\u051D", ['x'] = "\u0445", ['y'] = "\u0443",
        ['A'] = "\u0410", ['B'] = "\u0412", ['C'] = "\u0421", ['E'] = "\u0415", ['H'] = "\u041D", ['I'] = "\u0406",
        ['J'] = "\u0408", ['K'] = "\u041A", ['M'] = "\u041C", ['O'] = "\u041E", ['P'] = "\u0420", ['S'] = "\u0405",
        ['T'] = "\u0422", ['X'] = "\u0425", ['Y'] = "\u04AE", ['Z'] = "\u0396",
        ['0'] = "\u041E", ['3'] = "\u0417",
    };

    public override PerturbationType Type => PerturbationType.Homoglyph;

    public override IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["table"] = "latin-cyrillic-greek-v1", ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    protected override string Replacements(char c) => Table.GetValueOrDefault(c, "");
}
