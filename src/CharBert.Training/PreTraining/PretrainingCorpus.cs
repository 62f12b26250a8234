using CharBert.Text.IO;
using Microsoft.ML.Tokenizers;

namespace CharBert.Training.PreTraining;

/// <summary>Streams the words of a plain-text pre-training corpus. The original joins its lines into one
/// stream (1000 lines per read) before word tokenisation, so document boundaries do not matter: one document
/// per line and blank-line separated documents read the same; blank lines are skipped. Words are runs of
/// word characters or runs of other non-space characters (the WordPiece tokenizer splits those further),
/// a close stand-in for the NLTK word_tokenize the original used.</summary>
public static class PretrainingCorpus
{
    static readonly PreTokenizer WordSplitter = PreTokenizer.CreateWordOrNonWord();

    public static IEnumerable<string> ReadWords(string path)
    {
        foreach (var line in PlainText.ReadLines(path))
            foreach (var word in SplitWords(line))
                yield return word;
    }

    public static IEnumerable<string> SplitWords(string text) =>
        WordSplitter.PreTokenize(text).Select(range => text.Substring(range.Offset, range.Length));
}
