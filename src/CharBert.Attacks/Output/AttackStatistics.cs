using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;

namespace CharBert.Attacks.Output;

/// <summary>Per-length tallies; <see cref="Length"/> is the word (core) length, the last row collects all longer words.</summary>
public sealed record LengthRow(int Length, bool AndLonger, long Seen, long Eligible, long Attacked, double AttackedPerEligible);

/// <summary>What a run did: words seen/eligible/attacked, edits and no-op draws per type, rates per length.</summary>
public sealed record AttackStatistics(
    long Records,
    long WordsSeen,
    long WordsEligible,
    long WordsAttacked,
    long Edits,
    IReadOnlyDictionary<string, long> EditsByType,
    IReadOnlyDictionary<string, long> NoOpDrawsByType,
    IReadOnlyList<LengthRow> ByLength)
{
    public static AttackStatistics From(AttackCounters c)
    {
        var types = Enum.GetValues<PerturbationType>();
        var byType = new SortedDictionary<string, long>(StringComparer.Ordinal);
        var noOps = new SortedDictionary<string, long>(StringComparer.Ordinal);
        foreach (var t in types)
        {
            if (c.EditsByType[(int)t] > 0) byType[t.ToName()] = c.EditsByType[(int)t];
            if (c.NoOpDrawsByType[(int)t] > 0) noOps[t.ToName()] = c.NoOpDrawsByType[(int)t];
        }
        var rows = Enumerable.Range(0, AttackCounters.LengthBuckets)
            .Where(l => c.SeenByLength[l] > 0)
            .Select(l => new LengthRow(l, l == AttackCounters.LengthBuckets - 1, c.SeenByLength[l], c.EligibleByLength[l],
                c.AttackedByLength[l], c.EligibleByLength[l] == 0 ? 0 : (double)c.AttackedByLength[l] / c.EligibleByLength[l]))
            .ToArray();
        return new AttackStatistics(c.Records, c.WordsSeen, c.WordsEligible, c.WordsAttacked, c.EditsByType.Sum(), byType, noOps, rows);
    }
}
