using System.Runtime.CompilerServices;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>Base for edits that replace one character by another (keyboard, substitute, homoglyph, case flip):
/// the position is drawn uniformly over 1..L-2 (0..L-1 with ends allowed) first, then one replacement
/// uniformly from <see cref="Replacements"/>. A character with no replacement, or a replacement equal to the
/// character, leaves the word unchanged.</summary>
public abstract class CharacterReplacementPerturbation(bool allowEnds) : IPerturbation
{
    public abstract PerturbationType Type { get; }
    public abstract IReadOnlyDictionary<string, string> Parameters { get; }
    protected bool AllowEnds => allowEnds;
    public int MaxGrowth => 0;

    /// <summary>The characters <paramref name="c"/> may become (empty when none).</summary>
    protected abstract string Replacements(char c);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
    {
        var range = EditRange.Character(word.Length, allowEnds);
        if (EditRange.IsEmpty(range)) return PerturbationDraw.NoPosition(Type);
        var i = rng.NextInclusive(range.First, range.Last);
        var options = Replacements(word[i]);
        if (options.Length == 0) return PerturbationDraw.Unchanged(Type, i);
        var replacement = options[rng.NextInt(options.Length)];
        return replacement == word[i]
            ? PerturbationDraw.Unchanged(Type, i)
            : PerturbationDraw.Written(Type, i, WordEdits.Replace(word, i, replacement, destination));
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word)
    {
        var range = EditRange.Character(word.Length, allowEnds);
        var results = new List<PerturbationOutcome>();
        var buffer = new char[word.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = range.First; i <= range.Last; i++)
            foreach (var replacement in Replacements(word[i]))
            {
                if (replacement == word[i]) continue;
                var attacked = WordEdits.NewString(buffer, WordEdits.Replace(word, i, replacement, buffer));
                if (seen.Add(attacked)) results.Add(new(Type, attacked, i, true));
            }
        return results;
    }

    protected Dictionary<string, string> BaseParameters() =>
        new() { ["allow_ends"] = allowEnds.ToString().ToLowerInvariant() };
}
