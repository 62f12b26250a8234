using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class ReproducibilityTests
{
    static string Flatten(IEnumerable<AttackRecordResult> results) =>
        string.Join("\n", results.Select(r => r.Id + ":" + string.Join(" ", r.Words) + "|" + string.Join(";", r.Edits)));

    [TestCase("charbert2020")]
    [TestCase("pruthi2019")]
    [TestCase("rate")]
    public void Output_is_identical_for_any_thread_count_and_differs_by_seed(string name)
    {
        var records = SyntheticWords.Records(3000, 12, 10);
        var recipe = RecipeCatalog.Create(name, new RecipeRequest(WordGranularity.TokenLevel, Rate: name == "charbert2020" ? null : 0.4));
        string RunWith(ulong seed, int threads, out AttackCounters counters)
        {
            counters = new AttackCounters();
            return Flatten(new AttackSetGenerator(recipe, seed, WordGranularity.TokenLevel).AttackAll(records, threads, counters));
        }

        var single = RunWith(11, 1, out var c1);
        var parallel = RunWith(11, 4, out var c4);
        var parallel8 = RunWith(11, 8, out _);
        Assert.That(parallel, Is.EqualTo(single));
        Assert.That(parallel8, Is.EqualTo(single));
        Assert.That(c4.WordsAttacked, Is.EqualTo(c1.WordsAttacked));
        Assert.That(c4.EditsByType, Is.EqualTo(c1.EditsByType));
        Assert.That(RunWith(12, 4, out _), Is.Not.EqualTo(single));
    }

    [Test]
    public void A_record_gets_the_same_edits_wherever_it_sits_in_the_input()
    {
        var records = SyntheticWords.Records(200, 10, 9);
        var generator = new AttackSetGenerator(new CharBert2020Recipe(WordGranularity.Sentence), 3, WordGranularity.Sentence);
        var forward = generator.AttackAll(records, 1, new AttackCounters()).ToDictionary(r => r.Id, r => string.Join(" ", r.Words));
        var reversed = generator.AttackAll(records.AsEnumerable().Reverse().ToArray(), 2, new AttackCounters());
        Assert.That(reversed.All(r => forward[r.Id] == string.Join(" ", r.Words)));
    }

    [Test]
    public void Sentence_words_keep_attached_punctuation_and_skip_inner_punctuation()
    {
        string[] words = ["(Parisian),", "\"wonderful\"", "don't", "U.S.", "plain", "...", "3rd"];
        var result = new AttackSetGenerator(new CharBert2020Recipe(WordGranularity.Sentence), 1, WordGranularity.Sentence)
            .Attack(new AttackRecordInput("p", words), new AttackCounters());
        Assert.That(result.Words[0], Does.StartWith("(").And.EndWith("),"));
        Assert.That(result.Words[0], Is.Not.EqualTo(words[0]));
        Assert.That(result.Words[1], Does.StartWith("\"w").And.EndWith("l\""));
        Assert.That(result.Words.Skip(2).Take(2), Is.EqualTo(words[2..4]), "cores with inner punctuation are left alone");
        Assert.That(result.Words.Skip(5), Is.EqualTo(words[5..]));
        Assert.That(result.Edits.Select(e => e.TokenIndex), Is.SubsetOf(new[] { 0, 1, 4 }));
        Assert.That(result.Edits.First(e => e.TokenIndex == 0).Original, Is.EqualTo("Parisian"));
    }
}
