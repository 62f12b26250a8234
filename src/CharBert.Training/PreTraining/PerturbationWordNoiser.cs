using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;

namespace CharBert.Training.PreTraining;

/// <summary>Lets attack perturbations (src/CharBert.Attacks) serve as the NLM noise: each call picks one of them
/// uniformly and seeds a <see cref="SplitMix64"/> from the caller's generator, so the stream stays reproducible from
/// one seed. A word the chosen perturbation cannot change comes back unchanged (and so gets no NLM label).</summary>
public sealed class PerturbationWordNoiser : IWordNoiser
{
    readonly IReadOnlyList<IPerturbation> perturbations;

    public PerturbationWordNoiser(params IPerturbation[] perturbations)
    {
        if (perturbations.Length == 0) throw new ArgumentException("the noiser needs at least one perturbation");
        this.perturbations = perturbations;
    }

    /// <summary>The named edit types (drop, add, swap, keyboard, substitute, homoglyph, ocr, case-flip) with the
    /// pruthi2019 recipe's settings: a-z insertions, the QWERTY grid, interior positions only.</summary>
    public static PerturbationWordNoiser ForTypes(IEnumerable<string> typeNames)
    {
        var settings = new PerturbationSettings(AddPerturbation.LowerLetters, KeyboardMap.Pruthi2019);
        return new PerturbationWordNoiser(typeNames.Select(PerturbationTypeNames.Parse).Select(settings.Create).ToArray());
    }

    public string Noise(string word, Random rng)
    {
        var generator = new SplitMix64((ulong)rng.NextInt64());
        var perturbation = perturbations.Count == 1 ? perturbations[0] : perturbations[generator.NextInt(perturbations.Count)];
        return perturbation.Apply(word, ref generator).Word;
    }
}
