using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Recipes.Composition;

namespace CharBert.Attacks.Recipes;

/// <summary>A named random attack, composed the way TextAttack builds a recipe: word <see cref="Constraints"/> decide
/// which words are eligible, a <see cref="Selection"/> which eligible words are edited, and an <see cref="Editing"/>
/// how (edit types, edits per word), over perturbations the recipe configures (alphabet, keyboard map, protected
/// first/last characters). A recipe class only composes these pieces and documents itself in <see cref="Parameters"/>.
/// Recipes are immutable and thread-safe; all randomness comes from the per-record generator.</summary>
public abstract class AttackRecipe(string name, string reproduces)
{
    public string Name => name;

    /// <summary>What the recipe reproduces (paper / tool), for documentation and the manifest.</summary>
    public string Reproduces => reproduces;

    public IReadOnlyList<PerturbationType> Types { get; protected init; } = [];
    public IReadOnlyList<IWordConstraint> Constraints
    {
        get => constraints;
        protected init
        {
            constraints = value.ToArray();
            minLength = constraints.OfType<MinWordLength>().Select(c => c.Length).DefaultIfEmpty(0).Max();
            allows = constraints.Where(c => c is not MinWordLength).Select(c => (Func<ReadOnlySpan<char>, bool>)c.Allows).ToArray();
        }
    }

    IWordConstraint[] constraints = [];

    /// <summary>The longest <see cref="MinWordLength"/>: checked before any delegate, since in most text about half the
    /// words are too short and need no other check.</summary>
    int minLength;

    /// <summary>The constraints' checks as delegates, bound to each implementation once: a call site that sees several
    /// constraint types dispatched through the interface's resolve stub at a measurable cost per word.</summary>
    Func<ReadOnlySpan<char>, bool>[] allows = [];
    public IWordSelection Selection { get; protected init; } = new EveryEligibleWord();
    public WordEditing Editing { get; protected init; } = null!;

    /// <summary>Every setting, including those of the perturbations, for the manifest.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; protected init; } = new Dictionary<string, string>();

    /// <summary>True when every constraint allows <paramref name="word"/> and it holds no character outside the BMP:
    /// the perturbations index UTF-16 units and could split a surrogate pair.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEligible(ReadOnlySpan<char> word) => word.Length >= minLength && PassesChecks(word);

    /// <summary>The constraints other than the length, and the surrogate check: checked after the length, without a
    /// call, since about half the words are too short.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    bool PassesChecks(ReadOnlySpan<char> word)
    {
        foreach (var allow in allows)
            if (!allow(word)) return false;
        return !HasSurrogate(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool HasSurrogate(ReadOnlySpan<char> word)
    {
        foreach (var c in word) // words are short: a plain loop beats a vectorised search
            if (char.IsSurrogate(c)) return true;
        return false;
    }

    /// <summary>Attacks one record. <paramref name="words"/> are the word cores; <paramref name="allowed"/>[i] is
    /// false for words the task protects (e.g. non-entity tokens when only entities are attacked). Writes
    /// <paramref name="eligible"/>[i], tallies the words seen and eligible by length, and appends changed edits to
    /// <paramref name="edits"/> in token order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void AttackRecord(RecordWords words, ReadOnlySpan<bool> allowed, ref SplitMix64 rng,
        Span<bool> eligible, ChunkEdits edits, AttackCounters counters)
    {
        var count = 0;
        var (seen, eligibleByLength) = (counters.SeenByLength, counters.EligibleByLength);
        for (var i = 0; i < words.Length; i++)
        {
            var length = words.Ranges[i].Length;
            var bucket = AttackCounters.Bucket(length);
            seen[bucket]++;
            if (!(eligible[i] = allowed[i] && IsEligible(words[i]))) continue;
            eligibleByLength[bucket]++;
            count++;
        }
        counters.WordsSeen += words.Length;
        counters.WordsEligible += count;
        Selection.Attack(words, eligible, count, ref rng, Editing, edits, counters);
    }

    /// <summary>The requested types (default: all of <paramref name="supported"/>), checked against them.</summary>
    protected static PerturbationType[] RequireTypes(string recipe, IReadOnlyList<PerturbationType>? requested, IReadOnlyList<PerturbationType> supported)
    {
        requested ??= supported;
        if (requested.Count == 0 || requested.Any(t => !supported.Contains(t)))
            throw new ArgumentException($"{recipe} uses {string.Join(", ", supported.Select(t => t.ToName()).SkipLast(1))} and {supported[^1].ToName()} only (any non-empty subset)");
        return requested.ToArray();
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
