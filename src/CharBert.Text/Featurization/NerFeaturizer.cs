using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Text.Featurization;

/// <summary>
/// The original processors/utils_ner.py convert_examples_to_features (BERT layout): each word tokenised on its
/// own, the first sub-token carries the word's label id, then truncate to max_seq_length - 2, add [CLS]/[SEP],
/// pad; characters only for [CLS] + tokens + [SEP].
/// </summary>
public sealed class NerFeaturizer
{
    private readonly WordPieceTokenizer tokenizer;
    private readonly CharFeaturizer chars;
    private readonly FeaturizationOptions options;
    private readonly Dictionary<string, int> labelIds;

    public NerFeaturizer(WordPieceTokenizer tokenizer, CharVocabulary charVocabulary, int maxSeqLength,
        IReadOnlyList<string> labels, FeaturizationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeqLength, 3);
        this.tokenizer = tokenizer;
        this.options = options ?? FeaturizationOptions.Original;
        chars = new CharFeaturizer(charVocabulary, maxSeqLength, this.options);
        MaxSeqLength = maxSeqLength;
        Labels = labels;
        labelIds = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < labels.Count; i++) labelIds[labels[i]] = i;
    }

    public int MaxSeqLength { get; }
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Sub-tokens of each word (the unit of label alignment).</summary>
    public List<string>[] TokenizeWords(IReadOnlyList<string> words)
    {
        var result = new List<string>[words.Count];
        for (int i = 0; i < words.Count; i++) result[i] = tokenizer.Tokenize(words[i]);
        return result;
    }

    public InputFeatures Featurize(IReadOnlyList<string> words, IReadOnlyList<string> labels, int exampleIndex = 0)
    {
        if (words.Count != labels.Count)
            throw new ArgumentException($"Example {exampleIndex}: {words.Count} words but {labels.Count} labels.");
        int pad = options.PadTokenLabelId;
        var tokens = new List<string>();
        var labelIds = new List<int>();
        var wordTokens = TokenizeWords(words);
        for (int w = 0; w < words.Count; w++)
        {
            if (!this.labelIds.TryGetValue(labels[w], out var labelId))
                throw new ArgumentException($"Example {exampleIndex}: label '{labels[w]}' of word {w} is not in the label list.");
            var pieces = wordTokens[w];
            if (pieces.Count == 0 && options.SkipWordsWithoutTokens) continue;
            tokens.AddRange(pieces);
            labelIds.Add(labelId);
            for (int k = 1; k < pieces.Count; k++) labelIds.Add(pad);
        }

        int maxBody = MaxSeqLength - 2;
        if (tokens.Count > maxBody) tokens.RemoveRange(maxBody, tokens.Count - maxBody);
        if (labelIds.Count > maxBody) labelIds.RemoveRange(maxBody, labelIds.Count - maxBody);
        if (labelIds.Count != tokens.Count)
            throw new ArgumentException(
                $"Example {exampleIndex}: a word yields no sub-tokens, so labels and tokens misalign (the original fails here); " +
                $"set {nameof(FeaturizationOptions.SkipWordsWithoutTokens)} to skip such words.");

        var sequence = new List<string>(MaxSeqLength) { SpecialTokens.Cls };
        sequence.AddRange(tokens);
        sequence.Add(SpecialTokens.Sep);
        var inputIds = new int[MaxSeqLength];
        var attention = new int[MaxSeqLength];
        var segments = new int[MaxSeqLength];
        var paddedLabels = new int[MaxSeqLength];
        Array.Fill(paddedLabels, pad);
        var ids = tokenizer.ConvertTokensToIds(sequence);
        ids.CopyTo(inputIds, 0);
        for (int i = 0; i < ids.Length; i++) attention[i] = 1;
        segments[0] = options.ClsTokenSegmentId;
        labelIds.CopyTo(paddedLabels, 1);

        var chars = this.chars.Featurize(sequence);
        return new InputFeatures(inputIds, attention, segments, chars.CharInputIds, chars.StartIds, chars.EndIds)
        {
            LabelIds = paddedLabels,
            ExampleIndex = exampleIndex,
        };
    }

    /// <summary>
    /// Word-level labels from per-position predictions (position 0 = [CLS]): each word takes the prediction at
    /// its first sub-token, the position that carried its label in training; null for words cut off by
    /// truncation or yielding no sub-tokens.
    /// </summary>
    public string?[] MapPredictionsToWords(IReadOnlyList<string> words, IReadOnlyList<int> predictedLabelIds)
    {
        var result = new string?[words.Count];
        var wordTokens = TokenizeWords(words);
        int position = 1;
        int lastBodyPosition = MaxSeqLength - 2;
        for (int w = 0; w < words.Count; w++)
        {
            int count = wordTokens[w].Count;
            if (count > 0 && position <= lastBodyPosition && position < predictedLabelIds.Count)
            {
                int id = predictedLabelIds[position];
                result[w] = id >= 0 && id < Labels.Count ? Labels[id] : null;
            }
            position += count;
        }
        return result;
    }
}
