using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Text.Featurization;

/// <summary>
/// The original processors/glue.py glue_convert_examples_to_features (BERT): encode_plus(text_a, text_b) with
/// longest-first truncation, [CLS] A [SEP] (B [SEP]), pad with id 0; characters for every position, [PAD] included.
/// </summary>
public sealed class SequenceFeaturizer
{
    private readonly WordPieceTokenizer tokenizer;
    private readonly CharFeaturizer chars;
    private const int PadId = 0;

    public SequenceFeaturizer(WordPieceTokenizer tokenizer, CharVocabulary charVocabulary, int maxSeqLength,
        FeaturizationOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSeqLength, 3);
        this.tokenizer = tokenizer;
        chars = new CharFeaturizer(charVocabulary, maxSeqLength, options ?? FeaturizationOptions.Original);
        MaxSeqLength = maxSeqLength;
    }

    public int MaxSeqLength { get; }

    public InputFeatures Featurize(string textA, string? textB, int? labelId, int exampleIndex = 0)
    {
        var idsA = new List<int>(tokenizer.Encode(textA));
        var idsB = textB is null ? null : new List<int>(tokenizer.Encode(textB));
        int special = idsB is null ? 2 : 3;
        int excess = idsA.Count + (idsB?.Count ?? 0) + special - MaxSeqLength;
        TruncateLongestFirst(idsA, idsB, excess);

        var sequence = new List<int>(MaxSeqLength) { tokenizer.Vocabulary.GetId(SpecialTokens.Cls) };
        sequence.AddRange(idsA);
        sequence.Add(tokenizer.Vocabulary.GetId(SpecialTokens.Sep));
        int firstSegmentLength = sequence.Count;
        if (idsB is not null)
        {
            sequence.AddRange(idsB);
            sequence.Add(tokenizer.Vocabulary.GetId(SpecialTokens.Sep));
        }
        if (sequence.Count > MaxSeqLength) sequence.RemoveRange(MaxSeqLength, sequence.Count - MaxSeqLength);

        var inputIds = new int[MaxSeqLength];
        Array.Fill(inputIds, PadId);
        var attention = new int[MaxSeqLength];
        var segments = new int[MaxSeqLength];
        for (int i = 0; i < sequence.Count; i++)
        {
            inputIds[i] = sequence[i];
            attention[i] = 1;
            segments[i] = i < firstSegmentLength ? 0 : 1;
        }

        var chars = this.chars.Featurize(tokenizer.ConvertIdsToTokens(inputIds));
        return new InputFeatures(inputIds, attention, segments, chars.CharInputIds, chars.StartIds, chars.EndIds)
        {
            LabelId = labelId,
            ExampleIndex = exampleIndex,
        };
    }

    /// <summary>Removes one id at a time from the end of the longer sequence (B on ties), as truncate_sequences('longest_first').</summary>
    private static void TruncateLongestFirst(List<int> a, List<int>? b, int excess)
    {
        for (int i = 0; i < excess; i++)
        {
            if (b is null || a.Count > b.Count) { if (a.Count > 0) a.RemoveAt(a.Count - 1); }
            else if (b.Count > 0) b.RemoveAt(b.Count - 1);
        }
    }
}
