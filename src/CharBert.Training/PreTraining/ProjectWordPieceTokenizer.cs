using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Training.PreTraining;

/// <summary><see cref="IWordPieceTokenizer"/> over the project's BERT tokenizer (CharBert.Text), so
/// pre-training sees exactly the pieces and ids the fine-tuning featurisers produce.</summary>
public sealed class ProjectWordPieceTokenizer(WordPieceTokenizer tokenizer) : IWordPieceTokenizer
{
    public IReadOnlyList<WordPiece> TokenizeWord(string word)
    {
        var pieces = tokenizer.Tokenize(word);
        var ids = tokenizer.ConvertTokensToIds(pieces);
        return pieces.Select((text, i) => new WordPiece(text, ids[i])).ToArray();
    }

    public int ClsId => tokenizer.Vocabulary.GetId(SpecialTokens.Cls);
    public int SepId => tokenizer.Vocabulary.GetId(SpecialTokens.Sep);
    public int MaskId => tokenizer.Vocabulary.GetId(SpecialTokens.Mask);
    public int VocabularySize => tokenizer.Vocabulary.Count;
}
