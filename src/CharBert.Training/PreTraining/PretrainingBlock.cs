namespace CharBert.Training.PreTraining;

/// <summary>One packed pre-training sequence, [CLS] pieces [SEP], before char featurisation.</summary>
/// <remarks><list type="bullet">
/// <item><see cref="Pieces"/>: the WordPiece texts of the (noised) words, "[CLS]"/"[SEP]" at the ends; the text
/// before masking (featurisation gives every position with an MLM label a single 0 char, as the original,
/// so the masked text is never needed);</item>
/// <item><see cref="InputIds"/>: ids after MLM masking;</item>
/// <item><see cref="MaskedLmLabels"/> / <see cref="TermLabels"/>: per position, -1 = ignore;</item>
/// <item><see cref="Words"/>: the words (after noise) that have a piece in this block, in order;
/// <see cref="PieceWordIndex"/>: for each position the index into <see cref="Words"/>, -1 for [CLS]/[SEP].</item>
/// </list></remarks>
public sealed record PretrainingBlock(
    string[] Pieces,
    int[] InputIds,
    int[] MaskedLmLabels,
    int[] TermLabels,
    string[] Words,
    int[] PieceWordIndex);
