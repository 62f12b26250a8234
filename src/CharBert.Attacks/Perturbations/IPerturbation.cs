using CharBert.Attacks.Randomness;

namespace CharBert.Attacks.Perturbations;

/// <summary>One word in, one word out; never creates or removes a token boundary (no whitespace is ever
/// inserted). Implementations are immutable and thread-safe; randomness comes from the caller's generator.</summary>
public interface IPerturbation
{
    PerturbationType Type { get; }

    /// <summary>Everything that determines the behaviour, for logs and manifests.</summary>
    IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Draws a position uniformly over the legal range, then the edit there.</summary>
    PerturbationOutcome Apply(string word, ref SplitMix64 rng);

    /// <summary>Every distinct changed word this perturbation can produce (for adversarial search), in a
    /// fixed order, each with the position that produced it first.</summary>
    IEnumerable<PerturbationOutcome> Enumerate(string word);
}
