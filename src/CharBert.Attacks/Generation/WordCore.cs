namespace CharBert.Attacks.Generation;

/// <summary>The sentence-task word rule: a whitespace-separated word is split into leading non-letters, the
/// core (first letter to last letter) and trailing non-letters; only the core is perturbed, so attached
/// punctuation ("(Paris),", "\"war\"") stays intact. A core that itself holds a non-letter ("don't", "U.S.",
/// "e-mail", "3rd" → "rd" is fine) is not attacked at all, so inner punctuation never moves. Token-level
/// files (CoNLL) use whole tokens instead.</summary>
public readonly record struct WordCore(int Start, int Length)
{
    public static WordCore Of(string word)
    {
        var first = 0;
        while (first < word.Length && !char.IsLetter(word[first])) first++;
        if (first == word.Length) return new(0, 0);
        var last = word.Length - 1;
        while (!char.IsLetter(word[last])) last--;
        return new(first, last - first + 1);
    }

    public bool IsWholeWord(string word) => Start == 0 && Length == word.Length;

    /// <summary>True when every character of the core is a letter (the core may be attacked).</summary>
    public bool IsAlphabetic(string word)
    {
        if (Length == 0) return false;
        foreach (var c in word.AsSpan(Start, Length)) if (!char.IsLetter(c)) return false;
        return true;
    }

    public string Core(string word) => IsWholeWord(word) ? word : word.Substring(Start, Length);

    public string Rebuild(string word, string attackedCore) => IsWholeWord(word)
        ? attackedCore
        : string.Concat(word.AsSpan(0, Start), attackedCore, word.AsSpan(Start + Length));
}
