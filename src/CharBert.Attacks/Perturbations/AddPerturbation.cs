using System.Runtime.CompilerServices;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>Inserts one character drawn uniformly from <paramref name="alphabet"/> at insertion index 1..L-1
/// (0..L with <paramref name="allowEnds"/>). Always changes the word.</summary>
public sealed class AddPerturbation(string alphabet, bool allowEnds = false) : IPerturbation
{
    public const string LowerLetters = "abcdefghijklmnopqrstuvwxyz";
    public const string Letters = LowerLetters + "ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    readonly string alphabet = alphabet.Length > 0 && !alphabet.Any(char.IsWhiteSpace)
        ? alphabet
        : throw new ArgumentException("the insertion alphabet must be non-empty and hold no whitespace (a token stays one token)");

    public PerturbationType Type => PerturbationType.Add;
    public IReadOnlyDictionary<string, string> Parameters { get; } = new Dictionary<string, string>
    {
        ["alphabet"] = alphabet,
        ["allow_ends"] = allowEnds.ToString().ToLowerInvariant(),
    };
    public int MaxGrowth => 1;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
    {
        var range = EditRange.Insertion(word.Length, allowEnds);
        if (EditRange.IsEmpty(range)) return PerturbationDraw.NoPosition(Type);
        var i = rng.NextInclusive(range.First, range.Last);
        var c = alphabet[rng.NextInt(alphabet.Length)];
        return PerturbationDraw.Written(Type, i, WordEdits.Insert(word, i, c, destination));
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var range = EditRange.Insertion(word.Length, allowEnds);
        var buffer = new char[word.Length + 1];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = range.First; i <= range.Last; i++)
        foreach (var c in alphabet)
        {
            var attacked = WordEdits.NewString(buffer, WordEdits.Insert(word, i, c, buffer));
            if (seen.Add(attacked)) yield return new(Type, attacked, i, true);
        }
    }
}
