namespace CharBert.Metrics.Sequence;

/// <summary>A B-/I-/O tag split into its prefix and entity type. Split at the first '-' like conlleval
/// (<c>^([^-]*)-(.*)$</c>); "O" has type "".</summary>
internal readonly record struct ChunkTag(char Prefix, string Type)
{
    public static readonly ChunkTag Outside = new('O', "");

    public static ChunkTag Parse(string tag, int sentence, int token)
    {
        if (tag == "O") return Outside;
        if (tag.Length >= 3 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-')
            return new ChunkTag(tag[0], tag[2..]);
        throw new ArgumentException(
            $"sentence {sentence + 1}, token {token + 1}: tag '{tag}' is not O, B-TYPE or I-TYPE (IOB1/IOB2 expected)");
    }
}
