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
        public int MaxGrowth => 0;
        public PerturbationDraw Apply(ReadOnlySpan<char> word, Span<char> destination, ref SplitMix64 rng)
        {
            var at = rng.NextInt(word.Length);
            word[..at].CopyTo(destination);
            word[(at + 1)..].CopyTo(destination[at..]);
            return PerturbationDraw.Written(Type, at, word.Length - 1);
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

    [Test]
    public void NamedEditTypesAreEachUsedAndSettingsWithoutTypesKeepTheOriginalNoise()
    {
        var noiser = PerturbationWordNoiser.ForTypes(["drop", "swap"]);
        var rng = new Random(3);
        var noisy = Enumerable.Range(0, 200).Select(_ => noiser.Noise("wonderful", rng)).ToList();
        var dropped = noisy.Count(w => w.Length == 8);
        var swapped = noisy.Count(w => w.Length == 9 && w != "wonderful" && w.OrderBy(c => c).SequenceEqual("wonderful".OrderBy(c => c)));
        Assert.That(dropped + swapped, Is.EqualTo(noisy.Count), "every word got one drop or one swap");
        Assert.That(dropped, Is.InRange(60, 140), "the two types are picked about equally");
        Assert.That(noisy.All(w => w[0] == 'w' && w[^1] == 'l'), "interior edits only");

        var settings = new PretrainSettings { TrainFiles = [], VocabDirectory = "v", Output = "o" };
        var chars = new CharBert.Text.Vocab.CharVocabulary([" ", "a", "b", "<unk>"]);
        Assert.That(settings.CreateNoiser(chars), Is.TypeOf<CharBertWordNoiser>());
        Assert.That((settings with { NoiseTypes = ["keyboard"] }).CreateNoiser(chars), Is.TypeOf<PerturbationWordNoiser>());
        Assert.That(() => PerturbationWordNoiser.ForTypes(["smudge"]), Throws.ArgumentException.With.Message.Contain("smudge"));
    }
}
