namespace CharBert.Text.Vocab;

/// <summary>The BERT special tokens, in the order a trained vocabulary lists them first.</summary>
public static class SpecialTokens
{
    public const string Pad = "[PAD]";
    public const string Unk = "[UNK]";
    public const string Cls = "[CLS]";
    public const string Sep = "[SEP]";
    public const string Mask = "[MASK]";

    public static readonly IReadOnlyList<string> All = [Pad, Unk, Cls, Sep, Mask];

    /// <summary>Prefix WordPiece puts on a piece that continues a word.</summary>
    public const string ContinuationPrefix = "##";
}
