using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Text.Featurization.Squad;

/// <summary>
/// The original processors/squad.py squad_convert_examples_to_features (BERT, right padding): each context word
/// tokenised on its own, the answer span refined by _improve_answer_span, the query cut to max_query_length,
/// the context covered by windows starting every doc_stride sub-tokens; an answer outside a window (or no
/// answer) labels [CLS].
/// </summary>
public sealed class SquadFeaturizer
{
    private const int PairSpecialTokens = 3;
    private const int SingleSpecialTokens = 2;
    private readonly WordPieceTokenizer tokenizer;
    private readonly CharFeaturizer chars;

    public SquadFeaturizer(WordPieceTokenizer tokenizer, CharVocabulary charVocabulary, int maxSeqLength,
        int docStride = 128, int maxQueryLength = 64, FeaturizationOptions? options = null)
    {
        if (maxSeqLength - maxQueryLength - PairSpecialTokens < docStride || docStride < 1)
            throw new ArgumentException(
                $"doc_stride {docStride} must be between 1 and max_seq_length - max_query_length - 3 = {maxSeqLength - maxQueryLength - PairSpecialTokens}.");
        this.tokenizer = tokenizer;
        chars = new CharFeaturizer(charVocabulary, maxSeqLength, options ?? FeaturizationOptions.Original);
        MaxSeqLength = maxSeqLength;
        DocStride = docStride;
        MaxQueryLength = maxQueryLength;
    }

    public int MaxSeqLength { get; }
    public int DocStride { get; }
    public int MaxQueryLength { get; }
    public WordPieceTokenizer Tokenizer => tokenizer;

    /// <summary>
    /// Windows of one example. In training, an answerable example whose answer text is not found in its
    /// context words yields no windows (the original skips it with a warning).
    /// </summary>
    public IReadOnlyList<SquadWindow> Featurize(SquadInput example, bool isTraining, int exampleIndex = 0)
    {
        bool labelled = isTraining && !example.IsImpossible;
        if (labelled && !AnswerIsInContext(example)) return [];

        var tokToOrig = new List<int>();
        var origToTok = new List<int>(example.DocTokens.Count);
        var docTokens = new List<string>();
        for (int w = 0; w < example.DocTokens.Count; w++)
        {
            origToTok.Add(docTokens.Count);
            foreach (var piece in tokenizer.Tokenize(example.DocTokens[w]))
            {
                tokToOrig.Add(w);
                docTokens.Add(piece);
            }
        }

        int tokStart = 0, tokEnd = 0;
        if (labelled)
        {
            tokStart = origToTok[example.StartWord];
            tokEnd = example.EndWord < example.DocTokens.Count - 1 ? origToTok[example.EndWord + 1] - 1 : docTokens.Count - 1;
            (tokStart, tokEnd) = ImproveAnswerSpan(docTokens, tokStart, tokEnd, example.AnswerText!);
        }

        if (docTokens.Count == 0) return [];
        var query = tokenizer.Encode(example.Question);
        if (query.Length > MaxQueryLength) query = query[..MaxQueryLength];
        int maxParagraph = MaxSeqLength - query.Length - PairSpecialTokens;
        var starts = WindowStarts(docTokens.Count, maxParagraph);

        var windows = new List<SquadWindow>(starts.Count);
        for (int k = 0; k < starts.Count; k++)
        {
            int docStart = starts[k];
            int paragraphLength = Math.Min(docTokens.Count - docStart, maxParagraph);
            windows.Add(BuildWindow(example, exampleIndex, labelled, query, docTokens, tokToOrig, starts, k, paragraphLength,
                maxParagraph, tokStart, tokEnd));
        }
        return windows;
    }

    /// <summary>Window k starts at k x doc_stride; the last is the first that reaches the end of the context.</summary>
    private List<int> WindowStarts(int docLength, int maxParagraph)
    {
        var starts = new List<int> { 0 };
        while (starts[^1] + maxParagraph < docLength) starts.Add(starts[^1] + DocStride);
        return starts;
    }

    private SquadWindow BuildWindow(SquadInput example, int exampleIndex, bool labelled, int[] query, List<string> docTokens,
        List<int> tokToOrig, List<int> starts, int k, int paragraphLength, int maxParagraph, int tokStart, int tokEnd)
    {
        var vocab = tokenizer.Vocabulary;
        int docStart = starts[k];
        int docOffset = query.Length + SingleSpecialTokens;
        var sequence = new List<int>(MaxSeqLength) { vocab.GetId(SpecialTokens.Cls) };
        sequence.AddRange(query);
        sequence.Add(vocab.GetId(SpecialTokens.Sep));
        for (int i = 0; i < paragraphLength; i++) sequence.Add(vocab.GetId(docTokens[docStart + i]));
        sequence.Add(vocab.GetId(SpecialTokens.Sep));

        var inputIds = new int[MaxSeqLength];
        var attention = new int[MaxSeqLength];
        var segments = new int[MaxSeqLength];
        var pMask = new int[MaxSeqLength];
        for (int i = 0; i < MaxSeqLength; i++)
        {
            bool real = i < sequence.Count;
            inputIds[i] = real ? sequence[i] : 0;
            attention[i] = real ? 1 : 0;
            segments[i] = real && i >= docOffset ? 1 : 0;
            pMask[i] = segments[i] == 1 && inputIds[i] != vocab.GetId(SpecialTokens.Sep) ? 0 : 1;
        }
        const int clsIndex = 0;
        pMask[clsIndex] = 0;

        var tokenToOrig = new Dictionary<int, int>(paragraphLength);
        var isMaxContext = new Dictionary<int, bool>(paragraphLength);
        for (int i = 0; i < paragraphLength; i++)
        {
            tokenToOrig[docOffset + i] = tokToOrig[docStart + i];
            isMaxContext[docOffset + i] = IsMaxContext(starts, k, docStart + i, docTokens.Count, maxParagraph);
        }

        bool impossible = example.IsImpossible;
        int startPosition = 0, endPosition = 0;
        if (labelled)
        {
            int docEnd = docStart + paragraphLength - 1;
            if (tokStart >= docStart && tokEnd <= docEnd)
            {
                startPosition = tokStart - docStart + docOffset;
                endPosition = tokEnd - docStart + docOffset;
            }
            else
            {
                startPosition = endPosition = clsIndex;
                impossible = true;
            }
        }

        var tokens = tokenizer.ConvertIdsToTokens(inputIds);
        var chars = this.chars.Featurize(tokens,
            position => tokenToOrig.TryGetValue(position, out var word) ? example.DocTokens[word] : null, skipPadding: true);
        return new SquadWindow
        {
            Features = new InputFeatures(inputIds, attention, segments, chars.CharInputIds, chars.StartIds, chars.EndIds)
            {
                StartPosition = startPosition,
                EndPosition = endPosition,
                ExampleIndex = exampleIndex,
            },
            Tokens = tokens[..sequence.Count],
            TokenToOrigMap = tokenToOrig,
            TokenIsMaxContext = isMaxContext,
            PMask = pMask,
            ClsIndex = clsIndex,
            ParagraphLength = paragraphLength,
            IsImpossible = impossible,
        };
    }

    /// <summary>The original's _new_check_is_max_context: the window where the token has the most context on its shorter side (+0.01 x window length; first wins ties).</summary>
    private static bool IsMaxContext(List<int> starts, int current, int position, int docLength, int maxParagraph)
    {
        double bestScore = double.NegativeInfinity;
        int best = -1;
        for (int k = 0; k < starts.Count; k++)
        {
            int length = Math.Min(docLength - starts[k], maxParagraph);
            int end = starts[k] + length - 1;
            if (position < starts[k] || position > end) continue;
            double score = Math.Min(position - starts[k], end - position) + 0.01 * length;
            if (score > bestScore) { bestScore = score; best = k; }
        }
        return best == current;
    }

    /// <summary>The original's _improve_answer_span: the first sub-span whose tokens equal the tokenised answer.</summary>
    private (int Start, int End) ImproveAnswerSpan(List<string> docTokens, int start, int end, string answerText)
    {
        var answer = string.Join(" ", tokenizer.Tokenize(answerText));
        for (int s = start; s <= end; s++)
            for (int e = end; e >= s; e--)
                if (string.Join(" ", docTokens.GetRange(s, e - s + 1)) == answer) return (s, e);
        return (start, end);
    }

    private static bool AnswerIsInContext(SquadInput example)
    {
        var actual = string.Join(" ", example.DocTokens.Skip(example.StartWord).Take(example.EndWord - example.StartWord + 1));
        var cleaned = string.Join(" ", UnicodeRules.SplitOnPythonWhitespace(example.AnswerText ?? ""));
        return actual.Contains(cleaned, StringComparison.Ordinal);
    }
}
