using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Training.Tasks;

/// <summary>The WordPiece tokenizer and character vocabulary of a model, read from a directory holding the
/// original's file names: vocab.txt and bert_char_vocab (term_vocab is used by pre-training only).</summary>
public sealed record TextResources(WordPieceTokenizer Tokenizer, CharVocabulary Chars, string Directory)
{
    public const string VocabFile = "vocab.txt";
    public const string CharVocabFile = "bert_char_vocab";
    public const string TermVocabFile = "term_vocab";

    public static TextResources Load(string directory, bool lowerCase)
    {
        var vocab = RequireFile(directory, VocabFile);
        var chars = RequireFile(directory, CharVocabFile);
        var options = lowerCase ? WordPieceTokenizerOptions.Uncased : WordPieceTokenizerOptions.Cased;
        return new TextResources(WordPieceTokenizer.FromVocabFile(vocab, options), CharVocabulary.Load(chars), directory);
    }

    /// <summary>The vocabulary files present in the directory (to copy beside a saved model).</summary>
    public IEnumerable<string> VocabularyFiles() =>
        new[] { VocabFile, CharVocabFile, TermVocabFile }.Select(name => Path.Combine(Directory, name)).Where(File.Exists);

    static string RequireFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: a vocabulary directory needs {VocabFile} and {CharVocabFile}", path);
        return path;
    }
}
