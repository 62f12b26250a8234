using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Recipes;

/// <summary>A named random attack: which words are eligible, which get attacked, and with what edits.
/// Recipes are immutable and thread-safe; all randomness comes from the per-record generator.</summary>
public abstract class AttackRecipe
{
    public abstract string Name { get; }

    /// <summary>What the recipe reproduces (paper / tool), for documentation and the manifest.</summary>
    public abstract string Reproduces { get; }

    public abstract IReadOnlyList<PerturbationType> Types { get; }

    /// <summary>Every setting, including those of the perturbations, for the manifest.</summary>
    public abstract IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Attacks one record. <paramref name="words"/> are the word cores; <paramref name="allowed"/>[i] is
    /// false for words the task protects (e.g. non-entity tokens when only entities are attacked). Writes
    /// <paramref name="eligible"/>[i] and appends changed edits to <paramref name="edits"/> in token order.</summary>
    public abstract void AttackRecord(IReadOnlyList<string> words, ReadOnlySpan<bool> allowed, ref SplitMix64 rng,
        Span<bool> eligible, List<WordEdit> edits, AttackCounters counters);

    /// <summary>Applies <paramref name="perturbation"/>, records a changed edit, tallies the draw.</summary>
    protected static string ApplyAndRecord(IPerturbation perturbation, int tokenIndex, string word, ref SplitMix64 rng,
        List<WordEdit> edits, AttackCounters counters)
    {
        var outcome = perturbation.Apply(word, ref rng);
        if (!outcome.Changed)
        {
            counters.NoOpDrawsByType[(int)outcome.Type]++;
            return word;
        }
        counters.EditsByType[(int)outcome.Type]++;
        edits.Add(new WordEdit(tokenIndex, word, outcome.Word, outcome.Type, outcome.Position));
        return outcome.Word;
    }

    protected static IReadOnlyDictionary<string, string> DescribePerturbations(IEnumerable<IPerturbation> perturbations,
        IEnumerable<KeyValuePair<string, string>> own)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in own) all[k] = v;
        foreach (var p in perturbations)
        foreach (var (k, v) in p.Parameters)
            all[$"{p.Type.ToName()}.{k}"] = v;
        return all;
    }
}
