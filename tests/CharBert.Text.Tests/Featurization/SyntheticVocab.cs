using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;

namespace CharBert.Text.Tests.Featurization;

/// <summary>Small hand-written vocabularies for tests that must not depend on ../shared.</summary>
internal static class SyntheticVocab
{
    public static readonly string[] Words =
        ["the", "river", "flows", "north", "past", "old", "mill", "town", "where", "does", "what", "is", "built", "in", "1850", "bridge", "."];

    public static WordPieceTokenizer Tokenizer(bool lowerCase = true)
    {
        var letters = "abcdefghijklmnopqrstuvwxyz0123456789.?,".Select(c => c.ToString()).ToList();
        var entries = SpecialTokens.All.Concat(letters).Concat(letters.Select(l => "##" + l)).Concat(Words).Concat(["##s", "##ing"]).ToList();
        return new WordPieceTokenizer(new WordPieceVocabulary(entries), new WordPieceTokenizerOptions { LowerCase = lowerCase });
    }

    public static CharVocabulary Chars() => CharVocabulary.Build(["abcdefghijklmnopqrstuvwxyz0123456789.?,"], 100);
}
