using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Tokenization;

public class WordPieceTokenizerTests
{
    private static readonly string[] Pieces =
        ["hello", "world", "cafe", "café", "Hello", "un", "##aff", "##able", "naive", "東", "京", "a", "##b", "x", "##x", "!", ",", "'", "s", "-", "(", ")", "HELLO"];

    private static WordPieceTokenizer Make(bool lowerCase) =>
        new(new WordPieceVocabulary([.. SpecialTokens.All, .. Pieces]), new WordPieceTokenizerOptions { LowerCase = lowerCase });

    [Test]
    public void GreedyLongestMatchFirstSplitsIntoContinuationPieces() =>
        Assert.That(Make(true).Tokenize("unaffable"), Is.EqualTo(new[] { "un", "##aff", "##able" }));

    [Test]
    public void WordWithAnUnmatchablePartBecomesASingleUnk() =>
        Assert.That(Make(true).Tokenize("unaffablez hello"), Is.EqualTo(new[] { "[UNK]", "hello" }));

    [Test]
    public void PunctuationIsSplitOffEveryCodePoint() =>
        Assert.That(Make(true).Tokenize("hello,world!!"), Is.EqualTo(new[] { "hello", ",", "world", "!", "!" }));

    [Test]
    public void UncasedLowerCasesAndStripsAccents() =>
        Assert.That(Make(true).Tokenize("HeLLo Café NAÏVE"), Is.EqualTo(new[] { "hello", "cafe", "naive" }));

    [Test]
    public void CasedKeepsCaseAndAccents() =>
        Assert.That(Make(false).Tokenize("Hello café HELLO"), Is.EqualTo(new[] { "Hello", "café", "HELLO" }));

    [Test]
    public void CjkIdeographsBecomeSeparateWords() =>
        Assert.That(Make(true).Tokenize("東京"), Is.EqualTo(new[] { "東", "京" }));

    [Test]
    public void ControlCharactersAreRemovedAndOddWhitespaceSplits() =>
        Assert.That(Make(true).Tokenize("hel\u0000lo\u200b\u00a0world\tx\u0007x"), Is.EqualTo(new[] { "hello", "world", "x", "##x" }));

    [Test]
    public void WordsLongerThanTheLimitAreUnkEvenWhenMatchable()
    {
        var tokenizer = Make(true);
        Assert.That(tokenizer.Tokenize("a" + new string('b', 99)), Has.Count.EqualTo(100));
        Assert.That(tokenizer.Tokenize("a" + new string('b', 100)), Is.EqualTo(new[] { "[UNK]" }));
    }

    [Test]
    public void LengthLimitCountsCodePointsNotUtf16Units()
    {
        var tokenizer = new WordPieceTokenizer(new WordPieceVocabulary([.. SpecialTokens.All, "😀", "##😀"]),
            new WordPieceTokenizerOptions { LowerCase = false, MaxInputCharsPerWord = 3 });
        Assert.That(tokenizer.Tokenize("😀😀😀"), Is.EqualTo(new[] { "😀", "##😀", "##😀" }));
        Assert.That(tokenizer.Tokenize("😀😀😀😀"), Is.EqualTo(new[] { "[UNK]" }));
    }

    [Test]
    public void SpecialTokensAreNeverSplitOrLowerCased() =>
        Assert.That(Make(true).Tokenize("[CLS] HELLO[SEP]world [MASK]"), Is.EqualTo(new[] { "[CLS]", "hello", "[SEP]", "world", "[MASK]" }));

    [Test]
    public void BlankTextGivesNoTokens() => Assert.That(Make(true).Tokenize(" \t\n"), Is.Empty);

    [Test]
    public void IdsRoundTripAndUnknownTokensMapToUnk()
    {
        var tokenizer = Make(true);
        var ids = tokenizer.ConvertTokensToIds(["hello", "nope"]);
        Assert.That(ids, Is.EqualTo(new[] { 5, 1 }));
        Assert.That(tokenizer.ConvertIdsToTokens([5, 9999]), Is.EqualTo(new[] { "hello", "[UNK]" }));
    }
}
