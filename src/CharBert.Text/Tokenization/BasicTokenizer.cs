using System.Globalization;
using System.Text;

namespace CharBert.Text.Tokenization;

/// <summary>
/// The original BasicTokenizer: remove control chars, normalise whitespace, isolate CJK ideographs,
/// split on whitespace, optionally lower-case (Python's str.lower, see <see cref="PythonCase"/>) + strip accents
/// (NFD, drop Mn), split off punctuation. Uncased tokenisation needs Unicode decomposition: in a runtime without it
/// (globalization-invariant mode) it is refused at construction instead of silently keeping the accents.
/// </summary>
public sealed class BasicTokenizer
{
    private readonly bool lowerCase;
    private readonly bool splitCjkIdeographs;

    public BasicTokenizer(bool lowerCase, bool splitCjkIdeographs)
    {
        if (lowerCase) UnicodeDecomposition.Require();
        this.lowerCase = lowerCase;
        this.splitCjkIdeographs = splitCjkIdeographs;
    }

    public List<string> Tokenize(string text, IReadOnlySet<string> neverLowerCase)
    {
        var cleaned = Clean(text);
        var words = UnicodeRules.SplitOnPythonWhitespace(cleaned);
        var output = new List<string>(words.Count * 2);
        foreach (var original in words)
        {
            var word = original;
            if (lowerCase && !neverLowerCase.Contains(word)) word = StripAccents(PythonCase.Lower(word));
            SplitOnPunctuation(word, output);
        }
        return output;
    }

    private string Clean(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var rune in text.EnumerateRunes())
        {
            int cp = rune.Value;
            if (cp == 0 || cp == 0xFFFD || UnicodeRules.IsBertControl(cp)) continue;
            if (UnicodeRules.IsBertWhitespace(cp)) builder.Append(' ');
            else if (splitCjkIdeographs && UnicodeRules.IsCjkIdeograph(cp)) builder.Append(' ').Append(rune.ToString()).Append(' ');
            else builder.Append(rune.ToString());
        }
        return builder.ToString();
    }

    private static string StripAccents(string word)
    {
        var decomposed = word.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var rune in decomposed.EnumerateRunes())
            if (Rune.GetUnicodeCategory(rune) != UnicodeCategory.NonSpacingMark) builder.Append(rune.ToString());
        return builder.ToString();
    }

    /// <summary>Each punctuation code point becomes its own token; runs of other code points stay together.</summary>
    private static void SplitOnPunctuation(string word, List<string> output)
    {
        int runStart = -1;
        int i = 0;
        while (i < word.Length)
        {
            Rune.DecodeFromUtf16(word.AsSpan(i), out var rune, out int consumed);
            if (UnicodeRules.IsBertPunctuation(rune.Value))
            {
                if (runStart >= 0) { output.Add(word[runStart..i]); runStart = -1; }
                output.Add(word.Substring(i, consumed));
            }
            else if (runStart < 0) runStart = i;
            i += consumed;
        }
        if (runStart >= 0) output.Add(word[runStart..]);
    }
}
