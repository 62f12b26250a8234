using Microsoft.ML.Tokenizers;

namespace CharBert.Text.Tokenization;

/// <summary>The words of plain running text as CharBERT's pre-training sees them: runs of word characters or runs of
/// other non-space characters (the WordPiece tokenizer splits those further), a close stand-in for the NLTK
/// word_tokenize the original used. The NLM noises these words and labels each by <see cref="TermForm"/>.</summary>
public static class CorpusWords
{
    static readonly PreTokenizer WordSplitter = PreTokenizer.CreateWordOrNonWord();

    public static IEnumerable<string> Split(string text) =>
        WordSplitter.PreTokenize(text).Select(range => text.Substring(range.Offset, range.Length));

    /// <summary>The form a word is looked up by in the NLM term vocabulary: lower-cased (Python's str.lower()), as the original.</summary>
    public static string TermForm(string word) => PythonCase.Lower(word);
}
