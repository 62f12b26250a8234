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
    public int MaxGrowth => 0;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
    {
        var range = EditRange.SwapPair(word.Length, allowEnds);
        if (EditRange.IsEmpty(range)) return PerturbationDraw.NoPosition(Type);
        var i = rng.NextInclusive(range.First, range.Last);
        return word[i] == word[i + 1]
            ? PerturbationDraw.Unchanged(Type, i)
            : PerturbationDraw.Written(Type, i, WordEdits.SwapAdjacent(word, i, destination));
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var range = EditRange.SwapPair(word.Length, allowEnds);
        var buffer = new char[word.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = range.First; i <= range.Last; i++)
        {
            if (word[i] == word[i + 1]) continue;
            var attacked = WordEdits.NewString(buffer, WordEdits.SwapAdjacent(word, i, buffer));
            if (seen.Add(attacked)) yield return new(Type, attacked, i, true);
        }
    }
}
