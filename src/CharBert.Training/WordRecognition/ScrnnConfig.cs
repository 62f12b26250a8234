using CharBert.Modeling.WordRecognition;

namespace CharBert.Training.WordRecognition;

/// <summary>Everything needed to rebuild a trained ScRNN besides its weights; saved as config.json.
/// <see cref="Alphabet"/>: the characters seen in training (lower-cased), one input slot each;
/// <see cref="Words"/>: the output vocabulary, most frequent first; class id = index, UNK = Words.Count.</summary>
public sealed record ScrnnConfig(
    string Alphabet,
    string[] Words,
    int HiddenSize,
    UnkBackoff Backoff,
    string NeutralWord,
    string[] NoiseTypes,
    int Seed)
{
    public const int DefaultHiddenSize = 50;
    public const string DefaultNeutralWord = "a";

    public int InputSize => 3 * Alphabet.Length;
    public int UnkClass => Words.Length;
    public int ClassCount => Words.Length + 1;

    /// <summary>A fresh (untrained) ScRNN of this shape.</summary>
    public ScrnnModel CreateModel() => new(InputSize, HiddenSize, ClassCount);
}
