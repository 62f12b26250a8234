using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Attacks.Recipes.Composition;
using CharBert.Attacks.Resources;
using CharBert.Text.Tasks;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

/// <summary>Recipes are compositions of reusable pieces: a new one is a few lines, and the pieces do what they say.</summary>
public class RecipeCompositionTests
{
    /// <summary>"Swap the middle letters of long capitalised words, half of them": built only from existing pieces.</summary>
    sealed class LongNamesRecipe : AttackRecipe
    {
        public LongNamesRecipe() : base("long-names", "a test")
        {
            Types = [PerturbationType.Swap];
            var swap = new PerturbationSettings(AddPerturbation.LowerLetters, KeyboardMap.CharBert2020).Create(PerturbationType.Swap);
            Constraints = [new MinWordLength(6), new NotStopword(StopwordList.English), new Capitalised()];
            Selection = new EachEligibleWordWithProbability(0.5);
            Editing = new WordEditing(new UniformType([swap]));
        }
    }

    sealed record Capitalised : IWordConstraint
    {
        public bool Allows(ReadOnlySpan<char> word) => char.IsUpper(word[0]);
    }

    [Test]
    public void A_recipe_composed_from_pieces_attacks_only_what_its_constraints_allow()
    {
        var records = new[]
        {
            new AttackRecordInput("a", ["Northport", "harbour", "Quellford", "About", "Rivers", "Ab"]),
            new AttackRecordInput("b", ["Marvinstown", "visited", "Glimmerfield", "yesterday"]),
        };
        var generator = new AttackSetGenerator(new LongNamesRecipe(), 3, WordGranularity.TokenLevel);
        var counters = new AttackCounters();
        var edits = records.SelectMany(r => generator.Attack(r, counters).Edits).ToArray();
        Assert.That(counters.WordsEligible, Is.EqualTo(5), "Northport, Quellford, Rivers, Marvinstown, Glimmerfield");
        Assert.That(edits.Select(e => e.Original), Is.SubsetOf(new[] { "Northport", "Quellford", "Rivers", "Marvinstown", "Glimmerfield" }));
        Assert.That(edits.All(e => e.Type == PerturbationType.Swap && e.Attacked[0] == e.Original[0] && e.Attacked[^1] == e.Original[^1]));
    }

    [Test]
    public void The_shipped_recipes_are_made_of_the_pieces_their_documentation_names()
    {
        var charbert = new CharBert2020Recipe(WordGranularity.TokenLevel);
        Assert.That(charbert.Constraints, Is.EqualTo(new IWordConstraint[] { new MinWordLength(4), new NotAllDigits() }));
        Assert.That(charbert.Selection, Is.TypeOf<EveryEligibleWord>());
        Assert.That(charbert.Editing.TypeDraw, Is.TypeOf<KeyboardRedrawnForStopwords>());
        Assert.That(new CharBert2020Recipe(WordGranularity.Sentence).Constraints, Is.EqualTo(new IWordConstraint[] { new MinWordLength(4) }));

        var pruthi = new Pruthi2019Recipe(0.3, [PerturbationType.Swap, PerturbationType.Drop]);
        Assert.That(pruthi.Constraints, Is.EqualTo(new IWordConstraint[] { new MinWordLength(3), new NotPunctuation(), new NotStopword(StopwordList.English) }));
        Assert.That(pruthi.Selection, Is.EqualTo(new EachEligibleWordWithProbability(0.3)));

        var rate = new RateRecipe(WordGranularity.Sentence, new RateRecipeSettings { ProtectUrls = false, ProtectedWords = new HashSet<string> { "Keep" } });
        Assert.That(rate.Constraints.Select(c => c.GetType().Name), Is.EqualTo(new[] { "MinWordLength", "NotPunctuation", "NotNumber", "NotStopword", "NotListed" }));
        Assert.That(rate.Selection, Is.EqualTo(new FractionOfEligibleWords(0.3)));
    }

    [Test]
    public void Conll_tokens_with_characters_outside_the_bmp_are_left_alone_instead_of_split_into_lone_surrogates()
    {
        using var dir = new TempDirectory();
        var tokens = Enumerable.Range(0, 60).Select(i => $"w😀rd{i} NN O\nword{i}𠀀 NN O\nplain{i} NN O\n\n");
        File.WriteAllText(dir.File("in.txt"), string.Concat(tokens));
        var run = AttackFiles.Attack(new ConllAttackFormat(), dir.File("in.txt"), dir.File("out"), "charbert2020");
        Assert.That(run.Edits.Select(e => e.Original), Has.None.Contains("😀").And.None.Contains("𠀀"));
        Assert.That(run.Edits, Has.Count.GreaterThan(40), "the plain words are attacked");
        Assert.That(File.ReadAllText(run.Output), Does.Contain("w😀rd7 NN O"));
    }
}
