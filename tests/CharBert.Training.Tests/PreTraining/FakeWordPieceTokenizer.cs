using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

/// <summary>A deterministic stand-in for WordPiece: a word of up to 4 characters is one piece; a longer one
/// is its first 4 characters + "##" and the rest. Ids are assigned on first sight from 10 upwards.</summary>
sealed class FakeWordPieceTokenizer : IWordPieceTokenizer
{
    readonly Dictionary<string, int> _ids = new();

    public IReadOnlyList<WordPiece> TokenizeWord(string word) =>
        word.Length <= 4 ? [Piece(word)] : [Piece(word[..4]), Piece("##" + word[4..])];

    WordPiece Piece(string text)
    {
        if (!_ids.TryGetValue(text, out var id)) _ids[text] = id = 10 + _ids.Count;
        return new WordPiece(text, id);
    }

    public int ClsId => 2;
    public int SepId => 3;
    public int MaskId => 4;
    public int VocabularySize => 5000;
}
