namespace CharBert.Metrics.Classification;

/// <summary>Precision, recall and F1 of one label (or of a pool of labels), with the counts they come from.
/// Every ratio whose denominator is zero is 0 (sklearn's and seqeval's <c>zero_division=0</c>; conlleval does
/// the same).</summary>
public sealed record PrecisionRecallF1(int TruePositives, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)TruePositives / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)TruePositives / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>Number of gold items of this label (seqeval's and sklearn's "support").</summary>
    public int Support => Gold;
}
