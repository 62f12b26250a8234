using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>One word in, one word out; never creates or removes a token boundary (no whitespace is ever
/// inserted). Implementations are immutable and thread-safe; randomness comes from the caller's generator.</summary>
public interface IPerturbation
{
    PerturbationType Type { get; }

    /// <summary>Everything that determines the behaviour, for logs and manifests.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>The most characters one edit can add to a word: <see cref="Apply"/>'s destination holds at least the
    /// word's length plus this many.</summary>
    int MaxGrowth { get; }

    /// <summary>Draws a position uniformly over the legal range, then the edit there, and writes the changed word to
    /// <paramref name="destination"/> (which must not overlap <paramref name="word"/>). Works on spans so that a corpus
    /// run attacks words where they lie, without a string per word.</summary>
    PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng);

    /// <summary>Every distinct changed word this perturbation can produce (for adversarial search), in a
    /// fixed order, each with the position that produced it first.</summary>
    IEnumerable<PerturbationOutcome> Enumerate(string word);
}

public static class PerturbationStrings
{
    /// <summary>The largest <see cref="IPerturbation.MaxGrowth"/> of <paramref name="perturbations"/> (0 for none).</summary>
    public static int LargestGrowth(this IEnumerable<IPerturbation> perturbations) =>
        perturbations.Select(p => p.MaxGrowth).DefaultIfEmpty(0).Max();

    /// <summary><see cref="IPerturbation.Apply"/> for a string: the same draws, the changed word as a new string.</summary>
    public static PerturbationOutcome Apply(this IPerturbation perturbation, string word, ref SplitMix64 rng)
    {
        var buffer = new char[word.Length + perturbation.MaxGrowth];
        var draw = perturbation.Apply(word, buffer, ref rng);
        return new PerturbationOutcome(draw.Type, draw.Changed ? new string(buffer, 0, draw.Length) : word, draw.Position, draw.Changed);
    }
}
