using NUnit.Framework;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class PerturbationWordNoiserTests
{
    /// <summary>Drops the character at a drawn position (the generator decides where).</summary>
    sealed class DropAt : IPerturbation
    {
        public PerturbationType Type => PerturbationType.Drop;
        public IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string>();
        public PerturbationOutcome Apply(string word, ref SplitMix64 rng)
        {
            var at = rng.NextInt(word.Length);
            return new PerturbationOutcome(Type, word.Remove(at, 1), at, true);
        }
        public IEnumerable<PerturbationOutcome> Enumerate(string word) => [];
    }

    [Test]
    public void UsesThePerturbationAndIsReproducibleFromTheCallersSeed()
    {
        var noiser = new PerturbationWordNoiser(new DropAt());
        string Run(int seed) { var rng = new Random(seed); return string.Join(" ", Enumerable.Range(0, 30).Select(_ => noiser.Noise("abcdef", rng))); }

        Assert.That(Run(1).Split(' '), Has.All.Length.EqualTo(5));
        Assert.That(Run(1), Is.EqualTo(Run(1)));
        Assert.That(Run(1).Split(' ').Distinct().Count(), Is.GreaterThan(1));
    }
}
