namespace CharBert.Training.WordRecognition;

/// <summary>The semi-character word vector of ScRNN (Sakaguchi et al. 2017, as Pruthi et al. use it):
/// one-hot first character | bag (counts) of the middle characters | one-hot last character, each over the
/// alphabet; characters outside the alphabet contribute nothing. A word of one or two characters has an
/// empty middle. Words are lower-cased first, as Pruthi's data is.</summary>
public sealed class ScrnnWordEncoder
{
    readonly Dictionary<char, int> slot;

    public int AlphabetSize { get; }
    public int VectorSize => 3 * AlphabetSize;

    public ScrnnWordEncoder(string alphabet)
    {
        AlphabetSize = alphabet.Length;
        slot = new Dictionary<char, int>();
        for (var i = 0; i < alphabet.Length; i++) slot[alphabet[i]] = i;
    }

    /// <summary>Writes the vector of <paramref name="word"/> into <paramref name="target"/> (length
    /// <see cref="VectorSize"/>, assumed zeroed).</summary>
    public void Encode(string word, Span<float> target)
    {
        var lower = word.ToLowerInvariant();
        if (lower.Length == 0) return;
        Add(lower[0], 0, target);
        for (var i = 1; i < lower.Length - 1; i++) Add(lower[i], AlphabetSize, target);
        Add(lower[^1], 2 * AlphabetSize, target);
    }

    void Add(char c, int offset, Span<float> target)
    {
        if (this.slot.TryGetValue(c, out var slot)) target[offset + slot] += 1f;
    }
}
