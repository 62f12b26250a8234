using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Attacks.Resources;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class RecipeStatisticsTests
{
    static AttackCounters Run(AttackRecipe recipe, IReadOnlyList<AttackRecordInput> records, WordGranularity kind, out AttackRecordResult[] results)
    {
        var counters = new AttackCounters();
        results = new AttackSetGenerator(recipe, 5, kind).AttackAll(records, 1, counters);
        return counters;
    }

    static void AssertBinomial(long count, long n, double p, string what)
    {
        var sigma = Math.Sqrt(n * p * (1 - p));
        Assert.That(Math.Abs(count - n * p), Is.LessThan(4.5 * sigma), $"{what}: {count} of {n}, expected p = {p}");
    }

    [Test]
    public void Charbert2020_edits_every_word_of_length_four_or_more_once_with_uniform_types()
    {
        var records = SyntheticWords.Records(2000, 20, 12);
        var counters = Run(new CharBert2020Recipe(WordGranularity.Sentence), records, WordGranularity.Sentence, out var results);

        for (var length = 1; length <= 12; length++)
        {
            var seen = counters.SeenByLength[length];
            Assert.That(counters.EligibleByLength[length], Is.EqualTo(length >= 4 ? seen : 0), $"eligible at length {length}");
        }
        var draws = counters.EditsByType.Sum() + counters.NoOpDrawsByType.Sum();
        Assert.That(draws, Is.EqualTo(counters.WordsEligible), "exactly one draw per eligible word");
        Assert.That(results.All(r => r.Edits.Select(e => e.TokenIndex).Distinct().Count() == r.Edits.Count), "at most one edit per word");
        foreach (var type in new[] { PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap, PerturbationType.Keyboard })
            AssertBinomial(counters.EditsByType[(int)type] + counters.NoOpDrawsByType[(int)type], draws, 0.25, type.ToName());
        Assert.That(counters.WordsAttacked, Is.EqualTo(counters.WordsEligible - counters.NoOpDrawsByType.Sum()));
        Assert.That(results.SelectMany(r => r.Edits).Where(e => e.Type == PerturbationType.Add)
            .All(e => char.IsAsciiLetterLower(e.Attacked[e.Position])), "sentence tasks insert a-z only");
    }

    [Test]
    public void Charbert2020_token_level_skips_all_digit_tokens_and_inserts_both_cases()
    {
        var words = Enumerable.Range(0, 4000).Select(i => i % 2 == 0 ? "123456" : "abcdefg").ToArray();
        var counters = Run(new CharBert2020Recipe(WordGranularity.TokenLevel, [PerturbationType.Add]), [new AttackRecordInput("x", words)], WordGranularity.TokenLevel, out var results);
        Assert.That(counters.WordsEligible, Is.EqualTo(2000));
        var inserted = results[0].Edits.Select(e => e.Attacked[e.Position]).ToArray();
        Assert.That(inserted.Any(char.IsAsciiLetterUpper) && inserted.Any(char.IsAsciiLetterLower));

        var sentence = Run(new CharBert2020Recipe(WordGranularity.Sentence), [new AttackRecordInput("x", ["123456"])], WordGranularity.Sentence, out _);
        Assert.That(sentence.WordsEligible, Is.EqualTo(0), "sentence words are attacked on their alphabetic core only");
    }

    [Test]
    public void Charbert2020_never_gives_stopwords_a_keyboard_edit_but_still_edits_them()
    {
        string[] longStopwords = ["about", "above", "after", "again", "against", "because", "before", "below", "between", "being", "these", "those", "which", "while", "yourself"];
        var words = Enumerable.Range(0, 3000).Select(i => longStopwords[i % longStopwords.Length]).ToArray();
        var counters = Run(new CharBert2020Recipe(WordGranularity.Sentence), [new AttackRecordInput("s", words)], WordGranularity.Sentence, out _);
        Assert.That(counters.EditsByType[(int)PerturbationType.Keyboard] + counters.NoOpDrawsByType[(int)PerturbationType.Keyboard], Is.Zero);
        Assert.That(counters.EditsByType.Sum() + counters.NoOpDrawsByType.Sum(), Is.EqualTo(3000));
        AssertBinomial(counters.EditsByType[(int)PerturbationType.Drop], 3000, 1 / 3.0, "drop among stopwords");

        var keyboardOnly = Run(new CharBert2020Recipe(WordGranularity.Sentence, [PerturbationType.Keyboard]), [new AttackRecordInput("s", words)], WordGranularity.Sentence, out _);
        Assert.That(keyboardOnly.WordsAttacked, Is.Zero, "with keyboard as the only type, stopwords stay unchanged");
    }

    [Test]
    public void Pruthi2019_respects_rate_length_limits_and_skips()
    {
        var records = SyntheticWords.Records(1000, 20, 8);
        var counters = Run(new Pruthi2019Recipe(0.5), records, WordGranularity.Sentence, out var results);
        Assert.That(counters.EligibleByLength[1] + counters.EligibleByLength[2], Is.Zero);
        Assert.That(counters.EligibleByLength[3], Is.EqualTo(counters.SeenByLength[3] - StopwordCount(records, 3)));
        AssertBinomial(counters.WordsAttacked + counters.NoOpDrawsByType.Sum(), counters.WordsEligible, 0.5, "attacked share");
        var edits = results.SelectMany(r => r.Edits).ToArray();
        Assert.That(edits.Where(e => e.Type == PerturbationType.Swap).All(e => e.Original.Length >= 5));
        Assert.That(edits.Where(e => e.Type == PerturbationType.Keyboard)
            .All(e => KeyboardMap.Pruthi2019.Neighbours(e.Original[e.Position]).Contains(e.Attacked[e.Position])));

        var none = Run(new Pruthi2019Recipe(1.0), [new AttackRecordInput("p", ["the", "...", "because", "ok"])], WordGranularity.Sentence, out _);
        Assert.That(none.WordsEligible, Is.Zero, "stopwords, punctuation and short words are skipped");
    }

    static long StopwordCount(IEnumerable<AttackRecordInput> records, int length) =>
        records.SelectMany(r => r.Words).Count(w => w.Length == length && StopwordList.English.Contains(w));

    [Test]
    public void Rate_recipe_attacks_the_rounded_fraction_of_eligible_words([Values(0.1, 0.3, 1.0)] double rate)
    {
        var words = Enumerable.Range(0, 25).Select(i => $"word{(char)('a' + i)}x").Append("2024").Append("http://x.org").Append("because").ToArray();
        var recipe = new RateRecipe(WordGranularity.TokenLevel, new RateRecipeSettings { WordRate = rate, Types = [PerturbationType.Drop], EditsPerWord = 2 });
        var counters = Run(recipe, [new AttackRecordInput("r", words)], WordGranularity.TokenLevel, out var results);
        Assert.That(counters.WordsEligible, Is.EqualTo(25), "number, URL and stopword are protected");
        var expected = Math.Max(1, (int)Math.Round(rate * 25, MidpointRounding.AwayFromZero));
        Assert.That(counters.WordsAttacked, Is.EqualTo(expected));
        Assert.That(results[0].Edits.Count, Is.EqualTo(2 * expected));
        foreach (var token in results[0].Edits.GroupBy(e => e.TokenIndex))
            Assert.That(results[0].Words[token.Key], Has.Length.EqualTo(words[token.Key].Length - 2), "two chained drops");
    }
}
