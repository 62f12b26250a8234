using CharBert.Text.Featurization;
using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Featurization;

/// <summary>Hand-computed cases for the original's quirks and their opt-in fixes.</summary>
public class FeaturizerQuirkTests
{
    private static readonly string[] Labels = ["O", "B-X"];

    // char ids: ' '=0, '#'=1, 'a'=2, 'b'=3, <unk>=4
    private static CharVocabulary Chars() => CharVocabulary.Build(["ab#"], 10);

    private static WordPieceTokenizer Tokenizer() =>
        new(new WordPieceVocabulary([.. SpecialTokens.All, "a", "#", "b", "##b", "ab"]), WordPieceTokenizerOptions.Cased);

    [Test]
    public void CharVocabularyBuildFollowsTheOriginalLayout() =>
        Assert.That(Chars().Entries, Is.EqualTo(new[] { " ", "#", "a", "b", "<unk>" }));

    [Test]
    public void OriginalStripsEveryHashSoAHashTokenLosesItsCharactersAndShiftsStartIds()
    {
        var f = new NerFeaturizer(Tokenizer(), Chars(), 8, Labels).Featurize(["a", "#", "b"], ["O", "O", "B-X"]);
        Assert.That(f.InputIds, Is.EqualTo(new[] { 2, 5, 6, 7, 3, 0, 0, 0 }));
        Assert.That(f.CharInputIds[..10], Is.EqualTo(new[] { 0, 0, 2, 0, 0, 3, 0, 0, 0, 0 }));
        Assert.That(f.StartIds, Is.EqualTo(new[] { 0, 2, 5, 7, 47, 47, 47, 47 }));
        Assert.That(f.EndIds, Is.EqualTo(new[] { 0, 2, 5, 7, 47, 47, 47, 47 }));
        Assert.That(f.LabelIds, Is.EqualTo(new[] { -100, 0, 0, 1, -100, -100, -100, -100 }));
    }

    [Test]
    public void FixedStrippingKeepsTheHashCharacter()
    {
        var options = new FeaturizationOptions { StripOnlyContinuationPrefix = true };
        var f = new NerFeaturizer(Tokenizer(), Chars(), 8, Labels, options).Featurize(["a", "#", "ab"], ["O", "O", "B-X"]);
        Assert.That(f.CharInputIds[..12], Is.EqualTo(new[] { 0, 0, 2, 0, 1, 0, 2, 3, 0, 0, 0, 0 }));
        Assert.That(f.StartIds, Is.EqualTo(new[] { 0, 2, 4, 6, 9, 47, 47, 47 }));
        Assert.That(f.EndIds, Is.EqualTo(new[] { 0, 2, 4, 7, 9, 47, 47, 47 }));
    }

    [Test]
    public void SubwordsAfterTheFirstGetThePadLabelAndCharactersStopAtCharMaxLength()
    {
        // "abbbbbbb" -> ab ##b x6; at max_seq 4 the body is cut to 2 tokens: ab ##b
        var f = new NerFeaturizer(Tokenizer(), Chars(), 4, Labels).Featurize(["abbbbbbb"], ["B-X"]);
        Assert.That(f.InputIds, Is.EqualTo(new[] { 2, 9, 8, 3 }));
        Assert.That(f.LabelIds, Is.EqualTo(new[] { -100, 1, -100, -100 }));
        Assert.That(f.CharInputIds, Is.EqualTo(new[] { 0, 0, 2, 3, 0, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }));
        Assert.That(f.StartIds, Is.EqualTo(new[] { 0, 2, 5, 7 }));
        Assert.That(f.EndIds, Is.EqualTo(new[] { 0, 3, 5, 7 }));
    }

    [Test]
    public void WordWithoutSubTokensFailsClearlyByDefaultAndIsSkippedWhenAsked()
    {
        string[] words = ["a", "\u0007", "b"];
        string[] labels = ["O", "B-X", "O"];
        var error = Assert.Throws<ArgumentException>(() => new NerFeaturizer(Tokenizer(), Chars(), 8, Labels).Featurize(words, labels, 7));
        Assert.That(error!.Message, Does.Contain("Example 7").And.Contain(nameof(FeaturizationOptions.SkipWordsWithoutTokens)));

        var fixedFeaturizer = new NerFeaturizer(Tokenizer(), Chars(), 8, Labels, new FeaturizationOptions { SkipWordsWithoutTokens = true });
        Assert.That(fixedFeaturizer.Featurize(words, labels).LabelIds, Is.EqualTo(new[] { -100, 0, 0, -100, -100, -100, -100, -100 }));
        Assert.That(fixedFeaturizer.MapPredictionsToWords(words, [0, 1, 0, 0, 0, 0, 0, 0]), Is.EqualTo(new[] { "B-X", null, "O" }));
    }

    [Test]
    public void PredictionsMapBackToTheFirstSubTokenOfEachWordAndTruncatedWordsGetNull()
    {
        var featurizer = new NerFeaturizer(Tokenizer(), Chars(), 5, Labels);
        string[] words = ["abbb", "a", "b"]; // ab ##b ##b | a | b  -> body of 3 keeps only the first word
        var f = featurizer.Featurize(words, ["B-X", "O", "O"]);
        Assert.That(f.LabelIds, Is.EqualTo(new[] { -100, 1, -100, -100, -100 }));
        Assert.That(featurizer.MapPredictionsToWords(words, [0, 1, 0, 0, 0]), Is.EqualTo(new[] { "B-X", null, null }));
        Assert.That(featurizer.MapPredictionsToWords(["a", "b", "a"], [0, 0, 1, 1, 0]), Is.EqualTo(new[] { "O", "B-X", "B-X" }));
    }

    [Test]
    public void PairTruncationRemovesFromTheLongerSideAndCharsCoverPadding()
    {
        var featurizer = new SequenceFeaturizer(Tokenizer(), Chars(), 7);
        // A = a a a (3), B = b (1): 3 + 1 + 3 specials = 7 fits; A = a a a a needs one cut from A
        var f = featurizer.Featurize("a a a a", "b", labelId: 1);
        Assert.That(f.InputIds, Is.EqualTo(new[] { 2, 5, 5, 5, 3, 7, 3 }));
        Assert.That(f.TokenTypeIds, Is.EqualTo(new[] { 0, 0, 0, 0, 0, 1, 1 }));
        var single = featurizer.Featurize("b", null, labelId: 0);
        Assert.That(single.InputIds, Is.EqualTo(new[] { 2, 7, 3, 0, 0, 0, 0 }));
        Assert.That(single.StartIds, Is.EqualTo(new[] { 0, 2, 4, 6, 8, 10, 12 }));
        Assert.That(single.LabelId, Is.EqualTo(0));
    }
}
