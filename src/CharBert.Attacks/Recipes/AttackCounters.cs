using CharBert.Attacks.Perturbations;

namespace CharBert.Attacks.Recipes;

/// <summary>Mutable per-worker tallies, summed after a parallel run (integer sums, so order does not matter).</summary>
public sealed class AttackCounters
{
    /// <summary>Word lengths at or above this share the last bucket.</summary>
    public const int LengthBuckets = 21;

    static readonly int TypeCount = Enum.GetValues<PerturbationType>().Length;

    public long Records;
    public long WordsSeen;
    public long WordsEligible;
    public long WordsAttacked;
    public readonly long[] EditsByType = new long[TypeCount];
    public readonly long[] NoOpDrawsByType = new long[TypeCount];
    public readonly long[] SeenByLength = new long[LengthBuckets];
    public readonly long[] EligibleByLength = new long[LengthBuckets];
    public readonly long[] AttackedByLength = new long[LengthBuckets];

    public static int Bucket(int length) => Math.Min(length, LengthBuckets - 1);

    public void Add(AttackCounters other)
    {
        Records += other.Records;
        WordsSeen += other.WordsSeen;
        WordsEligible += other.WordsEligible;
        WordsAttacked += other.WordsAttacked;
        for (var i = 0; i < TypeCount; i++)
        {
            EditsByType[i] += other.EditsByType[i];
            NoOpDrawsByType[i] += other.NoOpDrawsByType[i];
        }
        for (var i = 0; i < LengthBuckets; i++)
        {
            SeenByLength[i] += other.SeenByLength[i];
            EligibleByLength[i] += other.EligibleByLength[i];
            AttackedByLength[i] += other.AttackedByLength[i];
        }
    }
}
