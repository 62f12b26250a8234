using CharBert.Text.Tokenization;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Tokenization;

/// <summary>Expected strings are what CPython 3 prints for <c>text.lower()</c> (checked by hand; the tests need no Python).</summary>
public class PythonCaseTests
{
    [TestCase("ΟΔΟΣ", "οδος", TestName = "Final sigma at the end of a word")]
    [TestCase("ΟΔΟΣ ΟΔΟΣ", "οδος οδος", TestName = "Final sigma before a space")]
    [TestCase("ΣΑ", "σα", TestName = "Sigma at the start is not final")]
    [TestCase("Σ", "σ", TestName = "A lone sigma has no cased letter before it")]
    [TestCase("1Σ", "1σ", TestName = "A digit is not cased")]
    [TestCase("ΑΣ1", "ας1", TestName = "A digit after the sigma is not cased")]
    [TestCase("ΑΣ.", "ας.", TestName = "Full stop is case-ignorable")]
    [TestCase("ΑΣ'Β", "ασ'β", TestName = "Apostrophe is skipped, the letter after it counts")]
    [TestCase("'Σ", "'σ", TestName = "Only case-ignorable characters before")]
    [TestCase("ΑΣ\u0301", "ας\u0301", TestName = "Combining accent after a final sigma")]
    [TestCase("ΑΣ\u0301Β", "ασ\u0301β", TestName = "Combining accent then a letter")]
    [TestCase("A\u00adΣ", "a\u00adς", TestName = "Soft hyphen (Cf) is case-ignorable")]
    [TestCase("\u216bΣ", "\u217bς", TestName = "Roman numeral is cased")]
    [TestCase("\u00aaΣ", "\u00aaς", TestName = "Ordinal indicator is cased")]
    [TestCase("ΑΣ\U00010400", "ασ\U00010428", TestName = "Deseret capital after the sigma is cased")]
    [TestCase("İstanbul", "i\u0307stanbul", TestName = "Dotted capital I becomes i plus combining dot")]
    [TestCase("\u1e9e \u01c5 \u212a HELLO Wörld", "\u00df \u01c6 k hello wörld", TestName = "Simple mappings")]
    public void Lower_matches_python(string text, string expected) => Assert.That(PythonCase.Lower(text), Is.EqualTo(expected));

    [Test]
    public void ToLowerInvariant_differs_where_python_special_cases() => Assert.Multiple(() =>
    {
        Assert.That("İ".ToLowerInvariant(), Is.Not.EqualTo(PythonCase.Lower("İ")));
        Assert.That("ΟΔΟΣ".ToLowerInvariant(), Is.Not.EqualTo(PythonCase.Lower("ΟΔΟΣ")));
    });

    [Test]
    public void Lowering_each_character_alone_never_gives_a_final_sigma()
    {
        Assert.That(PythonCase.LowerEachCharacter("ΟΔΟΣ İ"), Is.EqualTo("οδοσ i\u0307"));
        Assert.That(PythonCase.LowerEachCharacter("Plain ASCII"), Is.EqualTo("plain ascii"));
    }

    [Test]
    public void Uncased_basic_tokenizer_lowers_like_python_then_strips_accents() =>
        Assert.That(new BasicTokenizer(lowerCase: true, splitCjkIdeographs: true).Tokenize("ΟΔΟΣ İstanbul ΣΑ", new HashSet<string>()),
            Is.EqualTo(new[] { "οδος", "istanbul", "σα" }));

    /// <summary>The original tokenizer (loaded with from_pretrained(do_lower_case=True)) first lower-cases the text one
    /// character at a time, so its words keep 'σ' where the BasicTokenizer alone would write 'ς'.</summary>
    [Test]
    public void Uncased_wordpiece_tokenizer_lowers_character_by_character_like_the_original()
    {
        var tokenizer = new WordPieceTokenizer(new WordPieceVocabulary([.. SpecialTokens.All, "οδος", "οδοσ", "istanbul", "σα"]),
            WordPieceTokenizerOptions.Uncased);
        Assert.That(tokenizer.Tokenize("ΟΔΟΣ İstanbul ΣΑ"), Is.EqualTo(new[] { "οδοσ", "istanbul", "σα" }));
        Assert.That(tokenizer.Tokenize("ΟΔΟΣ[SEP]ΟΔΟΣ"), Is.EqualTo(new[] { "οδοσ", "[SEP]", "οδοσ" }));
    }
}
