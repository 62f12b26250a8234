using System.Runtime.CompilerServices;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>Deletes one character at index 1..L-2 (0..L-1 with <paramref name="allowEnds"/>); never empties a word.</summary>
public sealed class DropPerturbation(bool allowEnds = false) : IPerturbation
{
    public PerturbationType Type => PerturbationType.Drop;
    public IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };
    public int MaxGrowth => 0;

    (int First, int Last) Range(int length) =>
        length < 2 ? (0, -1) : EditRange.Character(length, allowEnds);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
    {
        var range = Range(word.Length);
        if (EditRange.IsEmpty(range)) return PerturbationDraw.NoPosition(Type);
        var i = rng.NextInclusive(range.First, range.Last);
        return PerturbationDraw.Written(Type, i, WordEdits.Remove(word, i, destination));
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var range = Range(word.Length);
        var buffer = new char[word.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = range.First; i <= range.Last; i++)
        {
            var attacked = WordEdits.NewString(buffer, WordEdits.Remove(word, i, buffer));
            if (seen.Add(attacked)) yield return new(Type, attacked, i, true);
        }
    }
}
