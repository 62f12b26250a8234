using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Perturbations;

/// <summary>Replaces the whole word by a natural misspelling from <paramref name="table"/> (drawn uniformly
/// when there are several). Position is 0. A word not in the table is left unchanged.</summary>
public sealed class MisspellingPerturbation(MisspellingTable table) : IPerturbation
{
    public PerturbationType Type => PerturbationType.Misspelling;

    public IReadOnlyDictionary<string, string> Parameters { get; } =
        new Dictionary<string, string> { ["table"] = table.Source, ["entries"] = table.Count.ToString() };

    public int MaxGrowth => table.LongestMisspelling;

    public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
    {
        var options = table.Lookup(word.ToString());
        if (options.Count == 0) return PerturbationDraw.NoPosition(Type);
        var misspelling = options[rng.NextInt(options.Count)];
        misspelling.CopyTo(destination);
        return PerturbationDraw.Written(Type, 0, misspelling.Length);
    }

    public IEnumerable<PerturbationOutcome> Enumerate(string word) =>
        table.Lookup(word).Select(m => new PerturbationOutcome(Type, m, 0, true));
}
