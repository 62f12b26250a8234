using CharBert.Text.Vocab;

namespace CharBert.Training.PreTraining;

/// <summary>The noise of the original CharBERT pre-training script (run_lm_finetuning.py, create_adv_word).</summary>
/// <remarks><list type="bullet">
/// <item>a word shorter than 4 characters gets one character inserted at position 0..len-1 (never after the
/// last character); the character is one of the first 81 entries of the char vocabulary;</item>
/// <item>otherwise, with probability 1/2, any one character is deleted (position 0..len-1);</item>
/// <item>otherwise the pair (i, i+1) is swapped with i in 1..len-2: the first character never moves, but the
/// last one can (the original draws i = randint(1, len-2)).</item>
/// </list>
/// The original draws the swap position from Python's unseeded global generator (a bug); here every draw
/// comes from the caller's generator.</remarks>
public sealed class CharBertWordNoiser : IWordNoiser
{
    /// <summary>How many leading char-vocabulary entries the original samples insertions from (randint(0, 80)).</summary>
    public const int InsertableCharCount = 81;

    readonly IReadOnlyList<string> insertable;

    /// <param name="insertableChars">The characters an insertion may use: the original uses the first 81
    /// lines of its char vocabulary (see <see cref="FromCharVocabulary"/>).</param>
    public CharBertWordNoiser(IReadOnlyList<string> insertableChars)
    {
        if (insertableChars.Count == 0) throw new ArgumentException("the noiser needs at least one insertable character", nameof(insertableChars));
        this.insertable = insertableChars;
    }

    /// <summary>The original's setting: insert characters are the first 81 entries of the char vocabulary.</summary>
    public static CharBertWordNoiser FromCharVocabulary(CharVocabulary charVocabulary) =>
        new(charVocabulary.Entries.Take(InsertableCharCount).ToArray());

    public string Noise(string word, Random rng)
    {
        if (word.Length == 0) return word;
        if (word.Length < 4)
        {
            var inserted = insertable[rng.Next(insertable.Count)];
            var at = rng.Next(word.Length);
            return word.Insert(at, inserted);
        }
        if (rng.NextDouble() < 0.5)
            return word.Remove(rng.Next(word.Length), 1);
        var i = rng.Next(1, word.Length - 1);
        var chars = word.ToCharArray();
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }
}
