using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Recipes.Composition;

/// <summary>Which eligible words of a record get edited: visits them in token order and hands each to the recipe's
/// <see cref="WordEditing"/>. Selections that draw do so interleaved with the edits, as the recipes always did, so
/// a seed keeps giving the same output.</summary>
public interface IWordSelection
{
    void Attack(RecordWords words, ReadOnlySpan<bool> eligible, int eligibleCount, ref SplitMix64 rng,
        WordEditing editing, ChunkEdits edits, AttackCounters counters);
}

/// <summary>Every eligible word (charbert2020).</summary>
public sealed record EveryEligibleWord : IWordSelection
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attack(RecordWords words, ReadOnlySpan<bool> eligible, int eligibleCount, ref SplitMix64 rng,
        WordEditing editing, ChunkEdits edits, AttackCounters counters)
    {
        for (var i = 0; i < words.Length; i++)
            if (eligible[i]) editing.Edit(i, words[i], ref rng, edits, counters);
    }
}

/// <summary>Each eligible word independently with probability <paramref name="Probability"/>, one draw per eligible
/// word (pruthi2019's random mode).</summary>
public sealed record EachEligibleWordWithProbability(double Probability) : IWordSelection
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attack(RecordWords words, ReadOnlySpan<bool> eligible, int eligibleCount, ref SplitMix64 rng,
        WordEditing editing, ChunkEdits edits, AttackCounters counters)
    {
        for (var i = 0; i < words.Length; i++)
            if (eligible[i] && rng.NextDouble() < Probability) editing.Edit(i, words[i], ref rng, edits, counters);
    }
}

/// <summary><c>round(Fraction × eligible)</c> words of the record (at least one when the fraction is positive and a word
/// is eligible, as nlpaug's aug_min = 1), drawn uniformly without replacement, edited in token order (rate).</summary>
public sealed record FractionOfEligibleWords(double Fraction) : IWordSelection
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Attack(RecordWords words, ReadOnlySpan<bool> eligible, int eligibleCount, ref SplitMix64 rng,
        WordEditing editing, ChunkEdits edits, AttackCounters counters)
    {
        if (eligibleCount == 0 || Fraction == 0) return;
        var candidates = new List<int>(eligibleCount);
        for (var i = 0; i < words.Length; i++)
            if (eligible[i]) candidates.Add(i);
        var chosen = Math.Max(1, (int)Math.Round(Fraction * candidates.Count, MidpointRounding.AwayFromZero));
        for (var k = 0; k < chosen; k++) // partial Fisher-Yates: the first `chosen` slots are a uniform sample
        {
            var j = k + rng.NextInt(candidates.Count - k);
            (candidates[k], candidates[j]) = (candidates[j], candidates[k]);
        }
        candidates.RemoveRange(chosen, candidates.Count - chosen);
        candidates.Sort();
        foreach (var i in candidates) editing.Edit(i, words[i], ref rng, edits, counters);
    }
}
