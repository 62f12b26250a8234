using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.Tokenization;

namespace CharBert.Metrics.Squad;

/// <summary>The official SQuAD evaluate script's <c>normalize_answer</c>: lowercase, drop ASCII punctuation
/// (Python's <c>string.punctuation</c>), drop the words a/an/the, collapse whitespace. Same order as the script, with
/// Python's <c>str.lower()</c> and <c>str.split()</c> (<see cref="PythonCase"/>, <see cref="UnicodeRules"/>).</summary>
public static partial class SquadNormalizer
{
    const string AsciiPunctuation = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    // Python's \b on str patterns bounds words of letters, numbers (any N category) and "_"; .NET's \w differs
    // (it adds combining marks and connector punctuation, and leaves out No/Nl numbers), so the boundary is explicit.
    [GeneratedRegex(@"(?<![\p{L}\p{N}_])(a|an|the)(?![\p{L}\p{N}_])")]
    private static partial Regex Articles();

    public static string Normalize(string text)
    {
        var lowered = PythonCase.Lower(text);
        var noPunctuation = new StringBuilder(lowered.Length);
        foreach (var ch in lowered)
            if (!AsciiPunctuation.Contains(ch)) noPunctuation.Append(ch);
        var noArticles = Articles().Replace(noPunctuation.ToString(), " ");
        return string.Join(' ', Tokens(noArticles));
    }

    /// <summary>Whitespace tokens of the normalised text (Python's <c>str.split()</c>).</summary>
    public static string[] NormalizedTokens(string text) => Tokens(Normalize(text));

    static string[] Tokens(string text) => [.. UnicodeRules.SplitOnPythonWhitespace(text)];
}
