using CharBert.Text.Featurization;
using CharBert.Text.Vocab;

namespace CharBert.Training.PreTraining;

/// <summary>Turns a <see cref="PretrainingBlock"/> into model inputs the way the original build_char_inputs
/// does: every position with an MLM label (masked, kept or randomly replaced) contributes a single 0 char like
/// a special token, so the char channel never sees what the token channel must predict; an [UNK] piece takes
/// the characters of its (noised) word; everything else its own piece's characters. Blocks have no padding,
/// so the attention mask is all ones and the token types all zero.</summary>
public sealed class PretrainingFeaturizer(CharFeaturizer charFeaturizer)
{
    public PretrainingExample Featurize(PretrainingBlock block)
    {
        var length = block.InputIds.Length;
        if (length != charFeaturizer.MaxSeqLength)
            throw new ArgumentException($"block of {length} positions, but the char featuriser is set for {charFeaturizer.MaxSeqLength}");

        var tokens = block.Pieces
            .Select((piece, i) => block.MaskedLmLabels[i] != MaskedLmMasker.IgnoreLabel ? SpecialTokens.Mask : piece)
            .ToArray();
        var chars = charFeaturizer.Featurize(tokens,
            unkReplacement: i => block.PieceWordIndex[i] >= 0 ? block.Words[block.PieceWordIndex[i]] : null,
            skipPadding: false);
        var features = new InputFeatures(block.InputIds, Enumerable.Repeat(1, length).ToArray(), new int[length],
            chars.CharInputIds, chars.StartIds, chars.EndIds);
        return new PretrainingExample(features, block.MaskedLmLabels, block.TermLabels);
    }
}
