using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.Vocab;

namespace CharBert.Text.Tokenization;

/// <summary>
/// The original CharBERT/BERT tokenizer end to end (PreTrainedTokenizer.tokenize + BertTokenizer._tokenize):
/// special tokens are cut out first, the rest goes through <see cref="BasicTokenizer"/> and then greedy
/// longest-match-first WordPiece on code points.
/// </summary>
public sealed class WordPieceTokenizer
{
    private readonly BasicTokenizer basic;
    private readonly HashSet<string> neverSplit;
    private readonly Regex? specialTokenPattern;

    public WordPieceTokenizer(WordPieceVocabulary vocabulary, WordPieceTokenizerOptions options)
    {
        Vocabulary = vocabulary;
        Options = options;
        basic = new BasicTokenizer(options.LowerCase, options.SplitCjkIdeographs);
        neverSplit = new HashSet<string>(options.NeverSplit, StringComparer.Ordinal);
        if (neverSplit.Count > 0)
            specialTokenPattern = new Regex(string.Join("|", options.NeverSplit.Select(Regex.Escape)), RegexOptions.CultureInvariant);
    }

    public static WordPieceTokenizer FromVocabFile(string vocabPath, WordPieceTokenizerOptions options) =>
        new(WordPieceVocabulary.Load(vocabPath), options);

    public WordPieceVocabulary Vocabulary { get; }
    public WordPieceTokenizerOptions Options { get; }

    public string UnkToken => SpecialTokens.Unk;

    /// <summary>Text to WordPiece tokens (strings), exactly as the original tokenizer.tokenize(text).</summary>
    public List<string> Tokenize(string text)
    {
        if (Options.LowerCase) text = LowerCaseOutsideSpecialTokens(text);
        var output = new List<string>();
        if (UnicodeRules.StripPythonWhitespace(text).Length == 0) return output;
        foreach (var piece in SplitOnSpecialTokens(text))
        {
            if (neverSplit.Contains(piece)) { output.Add(piece); continue; }
            foreach (var word in basic.Tokenize(piece, neverSplit)) AppendWordPieces(word, output);
        }
        return output;
    }

    public int[] ConvertTokensToIds(IReadOnlyList<string> tokens)
    {
        var ids = new int[tokens.Count];
        for (int i = 0; i < ids.Length; i++) ids[i] = Vocabulary.GetId(tokens[i]);
        return ids;
    }

    public int[] Encode(string text) => ConvertTokensToIds(Tokenize(text));

    public string[] ConvertIdsToTokens(IReadOnlyList<int> ids)
    {
        var tokens = new string[ids.Count];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = Vocabulary.GetToken(ids[i]);
        return tokens;
    }

    /// <summary>Greedy longest-match-first split of one word; the whole word becomes [UNK] if any part has no piece.</summary>
    public void AppendWordPieces(string word, List<string> output)
    {
        var boundaries = CodePointBoundaries(word);
        int codePoints = boundaries.Length - 1;
        if (codePoints > Options.MaxInputCharsPerWord) { output.Add(UnkToken); return; }
        int firstPiece = output.Count;
        int start = 0;
        while (start < codePoints)
        {
            int end = codePoints;
            string? piece = null;
            while (start < end)
            {
                var span = word.AsSpan(boundaries[start], boundaries[end] - boundaries[start]);
                bool found = start == 0 ? Vocabulary.TryGetId(span, out _) : Vocabulary.TryGetContinuationId(span, out _);
                if (found)
                {
                    piece = start == 0 ? span.ToString() : SpecialTokens.ContinuationPrefix + span.ToString();
                    break;
                }
                end--;
            }
            if (piece is null)
            {
                output.RemoveRange(firstPiece, output.Count - firstPiece);
                output.Add(UnkToken);
                return;
            }
            output.Add(piece);
            start = end;
        }
    }

    private static int[] CodePointBoundaries(string word)
    {
        var boundaries = new List<int>(word.Length + 1);
        int i = 0;
        while (i < word.Length)
        {
            boundaries.Add(i);
            Rune.DecodeFromUtf16(word.AsSpan(i), out _, out int consumed);
            i += consumed;
        }
        boundaries.Add(word.Length);
        return boundaries.ToArray();
    }

    /// <summary>The original's lowercase_text: <c>re.sub(r'(special|...)|(.+?)', ...)</c> lower-cases one character per
    /// match, so a final 'Σ' becomes 'σ' here (and stays so in the BasicTokenizer, whose own lower() sees it already lowered).</summary>
    private string LowerCaseOutsideSpecialTokens(string text)
    {
        if (specialTokenPattern is null) return PythonCase.LowerEachCharacter(text);
        var builder = new StringBuilder(text.Length);
        int last = 0;
        foreach (Match match in specialTokenPattern.Matches(text))
        {
            builder.Append(PythonCase.LowerEachCharacter(text[last..match.Index])).Append(match.Value);
            last = match.Index + match.Length;
        }
        builder.Append(PythonCase.LowerEachCharacter(text[last..]));
        return builder.ToString();
    }

    /// <summary>
    /// The original split_on_tokens: for each special token in turn, split every non-special piece on it,
    /// stripping whitespace around pieces and dropping empty ones.
    /// </summary>
    private List<string> SplitOnSpecialTokens(string text)
    {
        var pieces = new List<string> { text };
        foreach (var special in Options.NeverSplit)
        {
            var next = new List<string>(pieces.Count + 2);
            foreach (var piece in pieces)
            {
                if (neverSplit.Contains(piece)) { next.Add(piece); continue; }
                var parts = piece.Split(special);
                for (int i = 0; i < parts.Length; i++)
                {
                    var part = UnicodeRules.StripPythonWhitespace(parts[i]);
                    bool last = i == parts.Length - 1;
                    if (i == 0 && part.Length == 0) next.Add(special);
                    else if (last) { if (part.Length > 0) next.Add(part); }
                    else
                    {
                        if (part.Length > 0) next.Add(part);
                        next.Add(special);
                    }
                }
            }
            pieces = next;
        }
        return pieces;
    }
}
