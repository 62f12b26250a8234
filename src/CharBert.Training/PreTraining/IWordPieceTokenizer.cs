namespace CharBert.Training.PreTraining;

/// <summary>One WordPiece of a word: its text ("##" prefix on continuation pieces, as BERT writes them) and id.</summary>
public readonly record struct WordPiece(string Text, int Id)
{
    public const string ContinuationPrefix = "##";
    public bool ContinuesWord => Text.StartsWith(ContinuationPrefix, StringComparison.Ordinal);
}

/// <summary>What pre-training data needs from the subword tokenizer.</summary>
public interface IWordPieceTokenizer
{
    /// <summary>The pieces of one word (possibly several words if the word holds punctuation or whitespace).</summary>
    IReadOnlyList<WordPiece> TokenizeWord(string word);

    int ClsId { get; }
    int SepId { get; }
    int MaskId { get; }
    int VocabularySize { get; }
}
