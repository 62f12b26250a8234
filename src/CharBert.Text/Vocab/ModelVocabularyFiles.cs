namespace CharBert.Text.Vocab;

/// <summary>The vocabulary files of a model directory, under the original code's names.</summary>
public static class ModelVocabularyFiles
{
    /// <summary>BERT's WordPiece vocabulary, one piece per line (line index = id).</summary>
    public const string WordPiece = "vocab.txt";
    /// <summary>CharBERT's character vocabulary (<see cref="CharVocabulary"/>).</summary>
    public const string Chars = "bert_char_vocab";
    /// <summary>CharBERT's NLM term vocabulary (<see cref="TermVocabulary"/>).</summary>
    public const string Terms = "term_vocab";
}
