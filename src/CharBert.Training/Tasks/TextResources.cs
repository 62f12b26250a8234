using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Training.Tasks;

/// <summary>The WordPiece tokenizer and character vocabulary of a model, read from a directory holding the
/// original's file names: vocab.txt and bert_char_vocab (term_vocab is used by pre-training only).</summary>
public sealed record TextResources(WordPieceTokenizer Tokenizer, CharVocabulary Chars, string Directory)
{
    public const string VocabFile = ModelVocabularyFiles.WordPiece;
    public const string CharVocabFile = ModelVocabularyFiles.Chars;
    public const string TermVocabFile = ModelVocabularyFiles.Terms;

    public static TextResources Load(string directory, bool lowerCase)
    {
        var vocab = RequireFile(directory, VocabFile);
        var chars = RequireFile(directory, CharVocabFile);
        var options = lowerCase ? WordPieceTokenizerOptions.Uncased : WordPieceTokenizerOptions.Cased;
        return new TextResources(WordPieceTokenizer.FromVocabFile(vocab, options), CharVocabulary.Load(chars), directory);
    }

    public bool LowerCase => Tokenizer.Options.LowerCase;

    /// <summary>The vocabulary files present in the directory (to copy beside a saved model).</summary>
    public IEnumerable<string> VocabularyFiles() =>
        new[] { VocabFile, CharVocabFile, TermVocabFile, TokenizerConfigFile.FileName }.Select(name => Path.Combine(Directory, name)).Where(File.Exists);

    /// <summary>Saves <paramref name="model"/> with these vocabularies and a tokenizer_config.json stating the casing
    /// it was trained with, so later commands read it the same way.</summary>
    public void SaveModel(string directory, ITaskModel model, IReadOnlyList<string>? labels)
    {
        ModelDirectory.Save(directory, model, labels, VocabularyFiles());
        TokenizerConfigFile.Write(directory, LowerCase);
    }

    static string RequireFile(string directory, string name)
    {
        var path = Path.Combine(directory, name);
        if (!File.Exists(path)) throw new FileNotFoundException($"{path} not found: a vocabulary directory needs {VocabFile} and {CharVocabFile}", path);
        return path;
    }
}
