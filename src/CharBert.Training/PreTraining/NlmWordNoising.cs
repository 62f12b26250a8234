using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Training.PreTraining;

/// <summary>A word after the NLM noising step: the text fed to the model and the term label every one of
/// its pieces carries (<see cref="MaskedLmMasker.IgnoreLabel"/> when the word was left unchanged).</summary>
public readonly record struct NoisedWord(string Text, bool Changed, int TermLabel);

/// <summary>The NLM side of the original script: each word is noised with probability
/// <see cref="Probability"/> (the script's --adv_probability default is 0.10; the paper reports 15%), and a
/// word that actually changed is labelled with the term-vocabulary id of its ORIGINAL lower-cased form,
/// or the id of "&lt;unk&gt;" when that form is not in the term vocabulary (as the original). The label goes on
/// every piece of the word.</summary>
public sealed class NlmWordNoising
{
    public const double DefaultProbability = 0.10;

    readonly IWordNoiser noiser;
    readonly TermVocabulary termVocabulary;

    public double Probability { get; }

    public NlmWordNoising(IWordNoiser noiser, TermVocabulary termVocabulary, double probability = DefaultProbability)
    {
        if (probability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be in [0, 1]");
        this.noiser = noiser;
        this.termVocabulary = termVocabulary;
        Probability = probability;
    }

    public NoisedWord Apply(string word, Random rng)
    {
        if (rng.NextDouble() >= Probability) return new NoisedWord(word, false, MaskedLmMasker.IgnoreLabel);
        var noised = noiser.Noise(word, rng);
        return noised == word
            ? new NoisedWord(word, false, MaskedLmMasker.IgnoreLabel)
            : new NoisedWord(noised, true, TermLabel(word));
    }

    public int TermLabel(string originalWord) => termVocabulary.GetId(CorpusWords.TermForm(originalWord));
}
