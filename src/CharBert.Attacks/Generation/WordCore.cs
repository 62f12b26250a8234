using CharBert.Attacks.Perturbations;

namespace CharBert.Attacks.Generation;

/// <summary>The sentence-task word rule: a whitespace-separated word is split into leading non-letters, the
/// core (first letter to last letter) and trailing non-letters; only the core is perturbed, so attached
/// punctuation ("(Paris),", "\"war\"") stays intact. A core that itself holds a non-letter ("don't", "U.S.",
/// "e-mail", "3rd" → "rd" is fine) is not attacked at all, so inner punctuation never moves. Token-level
/// files (CoNLL) use whole tokens instead.</summary>
public readonly record struct WordCore(int Start, int Length)
{
    public static WordCore Of(ReadOnlySpan<char> word)
    {
        var first = 0;
        while (first < word.Length && !char.IsLetter(word[first])) first++;
        if (first == word.Length) return new(0, 0);
        var last = word.Length - 1;
        while (!char.IsLetter(word[last])) last--;
        return new(first, last - first + 1);
    }

    /// <summary>True when every character of the core is a letter (the core may be attacked).</summary>
    public bool IsAlphabetic(ReadOnlySpan<char> word)
    {
        if (Length == 0) return false;
        foreach (var c in word.Slice(Start, Length)) if (!char.IsLetter(c)) return false;
        return true;
    }

    public string Core(string word) => Start == 0 && Length == word.Length ? word : word.Substring(Start, Length);

    /// <summary>The word with its core replaced by <paramref name="attackedCore"/>.</summary>
    public string Rebuild(ReadOnlySpan<char> word, ReadOnlySpan<char> attackedCore) =>
        string.Concat(word[..Start], attackedCore, word[(Start + Length)..]);

    /// <summary><see cref="Rebuild(ReadOnlySpan{char}, ReadOnlySpan{char})"/> into <paramref name="destination"/>; returns the length.</summary>
    public int Rebuild(ReadOnlySpan<char> word, ReadOnlySpan<char> attackedCore, Span<char> destination) =>
        WordEdits.ReplaceRange(word, Start, Length, attackedCore, destination);
}
