using NUnit.Framework;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class ProjectWordPieceTokenizerTests
{
    [Test]
    public void SplitsAWordIntoPiecesWithoutSpecialTokens()
    {
        var vocabulary = new WordPieceVocabulary(["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "play", "##ing", "##ed", "run"]);
        var tokenizer = new ProjectWordPieceTokenizer(new WordPieceTokenizer(vocabulary, WordPieceTokenizerOptions.Uncased));

        Assert.That(tokenizer.TokenizeWord("Playing"), Is.EqualTo(new[] { new WordPiece("play", 5), new WordPiece("##ing", 6) }));
        Assert.That(tokenizer.TokenizeWord("Playing")[1].ContinuesWord, Is.True);
        Assert.That((tokenizer.ClsId, tokenizer.SepId, tokenizer.MaskId, tokenizer.VocabularySize), Is.EqualTo((2, 3, 4, 9)));
    }
}
