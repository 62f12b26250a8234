using System.Runtime.CompilerServices;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>Swaps the adjacent pair (i, i+1) with i in 1..L-3 (0..L-2 with <paramref name="allowEnds"/>).
/// Swapping two equal characters leaves the word unchanged (the draw is not repeated).</summary>
public sealed class SwapPerturbation(bool allowEnds = false) : IPerturbation
{
    public PerturbationType Type => PerturbationType.Swap;
    public IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PerturbationOutcome Apply(string word, ref SplitMix64 rng)
    {
        var range = EditRange.SwapPair(word.Length, allowEnds);
        if (EditRange.IsEmpty(range)) return PerturbationOutcome.NoPosition(Type, word);
        var i = rng.NextInclusive(range.First, range.Last);
        return word[i] == word[i + 1]
            ? new(Type, word, i, false)
            : new(Type, WordEdits.SwapAdjacent(word, i), i, true);
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var range = EditRange.SwapPair(word.Length, allowEnds);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = range.First; i <= range.Last; i++)
        {
            if (word[i] == word[i + 1]) continue;
            var attacked = WordEdits.SwapAdjacent(word, i);
            if (seen.Add(attacked)) yield return new(Type, attacked, i, true);
        }
    }
}
