using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;

namespace CharBert.Training.PreTraining;

/// <summary>Lets any attack perturbation (src/CharBert.Attacks) serve as the NLM noise: each call seeds a
/// <see cref="SplitMix64"/> from the caller's generator, so the stream stays reproducible from one seed.
/// A word the perturbation cannot change comes back unchanged (and so gets no NLM label).</summary>
public sealed class PerturbationWordNoiser(IPerturbation perturbation) : IWordNoiser
{
    public string Noise(string word, Random rng)
    {
        var generator = new SplitMix64((ulong)rng.NextInt64());
        return perturbation.Apply(word, ref generator).Word;
    }
}
