using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Recipes.Composition;

/// <summary>How a selected word is edited: <paramref name="editsPerWord"/> chained edits, each of a type chosen by
/// <paramref name="typeDraw"/> (no edit when it has none for the word). Every draw is tallied, and every edit that
/// changed the word is logged.</summary>
public sealed class WordEditing(IEditTypeDraw typeDraw, int editsPerWord = 1)
{
    /// <summary>Room for any edit, asked of the draw once rather than of each drawn perturbation.</summary>
    readonly int maxGrowth = typeDraw.MaxGrowth;

    public IEditTypeDraw TypeDraw => typeDraw;
    public int EditsPerWord => editsPerWord;

    /// <summary>Edits token <paramref name="index"/>, whose text is <paramref name="word"/>: the word and each changed
    /// form are written to <paramref name="edits"/>' text (the word only stays there when an edit changed it).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Edit(int index, ReadOnlySpan<char> word, ref SplitMix64 rng, ChunkEdits edits, AttackCounters counters)
    {
        var mark = edits.TextLength;
        var current = edits.Append(word);
        var changed = false;
        for (var e = 0; e < editsPerWord; e++)
        {
            if (typeDraw.Draw(edits.Text(current), ref rng) is not { } perturbation) break;
            var destination = edits.Free(current.Length + maxGrowth);
            var draw = perturbation.Apply(edits.Text(current), destination, ref rng);
            if (!draw.Changed)
            {
                counters.NoOpDrawsByType[(int)draw.Type]++;
                continue;
            }
            counters.EditsByType[(int)draw.Type]++;
            var attacked = edits.Commit(draw.Length);
            edits.Add(index, current, attacked, draw.Type, draw.Position);
            current = attacked;
            changed = true;
        }
        if (!changed) edits.TruncateText(mark);
    }
}

/// <summary>Chooses the perturbation for one edit of a word (null: leave the word as it is).</summary>
public interface IEditTypeDraw
{
    IPerturbation? Draw(ReadOnlySpan<char> word, ref SplitMix64 rng);

    /// <summary>The largest <see cref="IPerturbation.MaxGrowth"/> of the perturbations it can draw.</summary>
    int MaxGrowth { get; }
}

/// <summary>Uniform over the recipe's perturbations.</summary>
public sealed class UniformType(IReadOnlyList<IPerturbation> perturbations) : IEditTypeDraw
{
    readonly IPerturbation[] all = perturbations.ToArray(); // an array, not the interface: no dispatch per draw

    public int MaxGrowth => all.LargestGrowth();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IPerturbation? Draw(ReadOnlySpan<char> word, ref SplitMix64 rng) => all[rng.NextInt(all.Length)];
}

/// <summary>Uniform over the perturbations, except that a stopword that draws keyboard redraws uniformly from the
/// other types (and stays unchanged when keyboard is the only one): charbert2020's rule.</summary>
public sealed class KeyboardRedrawnForStopwords(IReadOnlyList<IPerturbation> perturbations, StopwordList stopwords) : IEditTypeDraw
{
    readonly IPerturbation[] all = perturbations.ToArray();
    readonly bool[] isKeyboard = perturbations.Select(p => p.Type == PerturbationType.Keyboard).ToArray();
    readonly IPerturbation[] nonKeyboard = perturbations.Where(p => p.Type != PerturbationType.Keyboard).ToArray();

    public int MaxGrowth => all.LargestGrowth();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IPerturbation? Draw(ReadOnlySpan<char> word, ref SplitMix64 rng)
    {
        var drawn = rng.NextInt(all.Length);
        if (!isKeyboard[drawn] || !stopwords.Contains(word)) return all[drawn];
        return nonKeyboard.Length == 0 ? null : nonKeyboard[rng.NextInt(nonKeyboard.Length)];
    }
}

/// <summary>Uniform over the perturbations whose minimum word length the word reaches: pruthi2019's rule
/// (drop/add/keyboard from 3 characters, swap from 5).</summary>
public sealed class UniformAmongLongEnough(IReadOnlyList<IPerturbation> perturbations, Func<PerturbationType, int> minLength) : IEditTypeDraw
{
    readonly IPerturbation[] all = perturbations.ToArray();
    readonly int[] minLengths = perturbations.Select(p => minLength(p.Type)).ToArray();

    public int MaxGrowth => all.LargestGrowth();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public IPerturbation? Draw(ReadOnlySpan<char> word, ref SplitMix64 rng)
    {
        Span<int> usable = stackalloc int[minLengths.Length];
        var count = 0;
        for (var t = 0; t < minLengths.Length; t++)
            if (word.Length >= minLengths[t]) usable[count++] = t;
        return count == 0 ? null : all[usable[rng.NextInt(count)]];
    }
}
