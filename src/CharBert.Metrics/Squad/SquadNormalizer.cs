using System.Text;
using CharBert.Text.Tokenization;

namespace CharBert.Metrics.Squad;

/// <summary>The official SQuAD evaluate script's <c>normalize_answer</c>: lowercase, drop ASCII punctuation
/// (Python's <c>string.punctuation</c>), drop the words a/an/the, collapse whitespace. Same order as the script, with
/// Python's <c>str.lower()</c> and <c>str.split()</c> (<see cref="PythonCase"/>, <see cref="UnicodeRules"/>).</summary>
public static class SquadNormalizer
{
    const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    /// <summary>In the order of the script's alternation <c>(a|an|the)</c>.</summary>
    static readonly string[] Articles = ["a", "an", "the"];

    public static string Normalize(string text)
    {
        var lowered = PythonCase.Lower(text);
        var noPunctuation = new StringBuilder(lowered.Length);
        foreach (var ch in lowered)
            if (!AsciiPunctuation.Contains(ch)) noPunctuation.Append(ch);
        return string.Join(' ', Tokens(RemoveArticles(noPunctuation.ToString())));
    }

    /// <summary>Whitespace tokens of the normalised text (Python's <c>str.split()</c>).</summary>
    public static string[] NormalizedTokens(string text) => Tokens(Normalize(text));

    static string[] Tokens(string text) => [.. UnicodeRules.SplitOnPythonWhitespace(text)];

    /// <summary>The script's <c>re.sub(r'\b(a|an|the)\b', ' ', text)</c>, scanning left to right like the regex.
    /// The word boundaries compare whole characters (code points), so a letter outside the Basic Multilingual Plane,
    /// two UTF-16 units here, is one word character as in Python.</summary>
    static string RemoveArticles(string text)
    {
        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            var length = ArticleAt(text, i);
            if (length > 0)
            {
                result.Append(' ');
                i += length;
            }
            else result.Append(text[i++]);
        }
        return result.ToString();
    }

    static int ArticleAt(string text, int index)
    {
        if (index > 0 && IsWordCharacter(RuneEndingAt(text, index))) return 0;
        foreach (var article in Articles)
            if (article.Length <= text.Length - index && string.CompareOrdinal(text, index, article, 0, article.Length) == 0
                && (index + article.Length == text.Length || !IsWordCharacter(RuneStartingAt(text, index + article.Length))))
                return article.Length;
        return 0;
    }

    /// <summary>Python's <c>\b</c> on str patterns bounds words of <c>str.isalnum()</c> characters and "_": letters and
    /// numbers (any N category). .NET's <c>\w</c> differs (it adds combining marks and connector punctuation, and
    /// leaves out No/Nl numbers). A lone surrogate (null here) is no word character, as in Python.</summary>
    static bool IsWordCharacter(Rune? rune) => rune is { } r && (Rune.IsLetter(r) || Rune.IsNumber(r) || r.Value == '_');

    static Rune? RuneStartingAt(string text, int index) =>
        Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;

    static Rune? RuneEndingAt(string text, int index) =>
        Rune.DecodeLastFromUtf16(text.AsSpan(0, index), out var rune, out _) == System.Buffers.OperationStatus.Done ? rune : null;
}
