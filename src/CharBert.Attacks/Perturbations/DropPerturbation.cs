using System.Runtime.CompilerServices;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>Deletes one character at index 1..L-2 (0..L-1 with <paramref name="allowEnds"/>); never empties a word.</summary>
public sealed class DropPerturbation(bool allowEnds = false) : IPerturbation
{
    public PerturbationType Type => PerturbationType.Drop;
    public IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };

    (int First, int Last) Range(string word) =>
        word.Length < 2 ? (0, -1) : EditRange.Character(word.Length, allowEnds);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PerturbationOutcome Apply(string word, ref SplitMix64 rng)
    {
        var range = Range(word);
        if (EditRange.IsEmpty(range)) return PerturbationOutcome.NoPosition(Type, word);
        var i = rng.NextInclusive(range.First, range.Last);
        return new(Type, WordEdits.Remove(word, i), i, true);
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var range = Range(word);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = range.First; i <= range.Last; i++)
        {
            var attacked = WordEdits.Remove(word, i);
            if (seen.Add(attacked)) yield return new(Type, attacked, i, true);
        }
    }
}
