using CharBert.Text.Vocab;

namespace CharBert.Text.Tokenization;

/// <summary>Settings of the original BertTokenizer (processors/tokenization_bert.py); defaults are its defaults.</summary>
public sealed record WordPieceTokenizerOptions
{
    /// <summary>Lower-case and strip accents (uncased BERT). The CharBERT fixture uses false.</summary>
    public bool LowerCase { get; init; } = true;
    /// <summary>Put spaces around CJK ideographs so each becomes a word.</summary>
    public bool SplitCjkIdeographs { get; init; } = true;
    /// <summary>Words longer than this (in code points) become [UNK].</summary>
    public int MaxInputCharsPerWord { get; init; } = 100;
    /// <summary>Tokens cut out of the text before any splitting and never changed.</summary>
    public IReadOnlyList<string> NeverSplit { get; init; } = SpecialTokens.All;

    public static WordPieceTokenizerOptions Cased => new() { LowerCase = false };
    public static WordPieceTokenizerOptions Uncased => new() { LowerCase = true };
}
