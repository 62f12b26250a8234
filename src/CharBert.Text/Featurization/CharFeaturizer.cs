using System.Text;
using CharBert.Text.Vocab;

namespace CharBert.Text.Featurization;

/// <summary>
/// The original CharBERT character loop: each token's characters (continuation "##" stripped), then one 0
/// separator; special tokens contribute a single 0; characters stop at char_maxlen = 6 x max_seq_length;
/// start/end entries of missing tokens point at char_maxlen - 1.
/// </summary>
public sealed class CharFeaturizer(CharVocabulary charVocabulary, int maxSeqLength, FeaturizationOptions options)
{
    public const int CharsPerToken = 6;

    private static readonly HashSet<string> SingleZeroTokens = new(SpecialTokens.All, StringComparer.Ordinal);

    public int MaxSeqLength { get; } = maxSeqLength;
    public int CharMaxLength { get; } = CharsPerToken * maxSeqLength;
    public CharVocabulary CharVocabulary { get; } = charVocabulary;

    public CharFeatures Featurize(IReadOnlyList<string> tokens) => Featurize(tokens, unkReplacement: null, skipPadding: false);

    /// <summary>
    /// The SQuAD variant (processors/squad.py): a context [UNK] takes the characters of its original word
    /// (<paramref name="unkReplacement"/> gives it by position, null elsewhere) and [PAD] positions are skipped entirely.
    /// </summary>
    public CharFeatures Featurize(IReadOnlyList<string> tokens, Func<int, string?>? unkReplacement, bool skipPadding)
    {
        var charIds = new int[CharMaxLength];
        var startIds = new List<int>(MaxSeqLength);
        var endIds = new List<int>(MaxSeqLength);
        int count = 0;
        for (int position = 0; position < tokens.Count; position++)
        {
            if (count >= CharMaxLength) break;
            var token = StripHashes(tokens[position]);
            if (unkReplacement is not null && token == SpecialTokens.Unk && unkReplacement(position) is { } word) token = word;
            if (skipPadding && token == SpecialTokens.Pad) continue;
            if (SingleZeroTokens.Contains(token))
            {
                startIds.Add(count);
                endIds.Add(count);
                charIds[count++] = 0;
            }
            else
            {
                int codePoints = CountCodePoints(token);
                int index = 0;
                foreach (var rune in token.EnumerateRunes())
                {
                    if (count >= CharMaxLength) break;
                    if (index == 0) startIds.Add(count);
                    if (index == codePoints - 1) endIds.Add(count);
                    charIds[count++] = CharVocabulary.GetId(rune.Value);
                    index++;
                }
            }
            if (count < CharMaxLength) charIds[count++] = 0;
        }
        return new CharFeatures(charIds, PadPositions(startIds), PadPositions(endIds));
    }

    private int[] PadPositions(List<int> positions)
    {
        while (positions.Count < MaxSeqLength) positions.Add(CharMaxLength - 1);
        return positions.ToArray();
    }

    private string StripHashes(string token)
    {
        if (options.StripOnlyContinuationPrefix)
            return token.StartsWith(SpecialTokens.ContinuationPrefix, StringComparison.Ordinal) && token.Length > 2
                ? token[SpecialTokens.ContinuationPrefix.Length..]
                : token;
        return token.Trim('#');
    }

    private static int CountCodePoints(string token)
    {
        int n = 0;
        foreach (var _ in token.EnumerateRunes()) n++;
        return n;
    }
}
