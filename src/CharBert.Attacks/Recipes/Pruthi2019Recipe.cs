using System.Globalization;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes.Composition;
using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Recipes;

/// <summary><c>pruthi2019</c> (random mode): the character edits of Pruthi, Dhingra &amp; Lipton 2019, "Combating
/// Adversarial Misspellings with Robust Word Recognition" (ACL). Each interior edit needs a minimum word length
/// (drop/add/keyboard ≥ 3, swap ≥ 5); stopwords and punctuation are skipped; keyboard uses their 4-neighbour
/// grid; add inserts a-z. Each eligible word is attacked with probability <c>rate</c>, its type drawn uniformly
/// from the requested types its length allows. The adversarial mode is <see cref="Adversarial.GreedyCharAttack"/>
/// with <see cref="AdversarialCandidates"/>.</summary>
public sealed class Pruthi2019Recipe : AttackRecipe
{
    readonly IPerturbation[] perturbations;

    public static readonly IReadOnlyList<PerturbationType> DefaultTypes =
        [PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap, PerturbationType.Keyboard];

    public Pruthi2019Recipe(double rate = 1.0, IReadOnlyList<PerturbationType>? types = null)
        : base("pruthi2019", "Pruthi, Dhingra & Lipton 2019, Combating Adversarial Misspellings with Robust Word Recognition (ACL)")
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentException($"--rate must be in [0, 1], got {rate}");
        Types = RequireTypes(Name, types, DefaultTypes);
        perturbations = Types.Select(new PerturbationSettings(AddPerturbation.LowerLetters, KeyboardMap.Pruthi2019).Create).ToArray();
        var stopwords = StopwordList.English;

        Constraints = [new MinWordLength(Types.Min(MinLengthOf)), new NotPunctuation(), new NotStopword(stopwords)];
        Selection = new EachEligibleWordWithProbability(rate);
        Editing = new WordEditing(new UniformAmongLongEnough(perturbations, MinLengthOf));
        Parameters = DescribePerturbations(perturbations, new Dictionary<string, string>
        {
            ["mode"] = "random",
            ["rate"] = rate.ToString("R", CultureInfo.InvariantCulture),
            ["types"] = string.Join(",", Types.Select(t => t.ToName())),
            ["min_length"] = string.Join(",", Types.Select(t => $"{t.ToName()}:{MinLengthOf(t)}")),
            ["skip_stopwords"] = stopwords.Name,
            ["skip_punctuation"] = "true",
        });
    }

    public static int MinLengthOf(PerturbationType type) => type == PerturbationType.Swap ? 5 : 3;

    /// <summary>Whether Pruthi et al. would consider attacking this word at all.</summary>
    public bool IsAttackable(string word) => IsEligible(word);

    /// <summary>Every one-edit variant of <paramref name="word"/> of the requested types its length allows.</summary>
    public IEnumerable<PerturbationOutcome> AdversarialCandidates(string word)
    {
        if (!IsAttackable(word)) yield break;
        foreach (var perturbation in perturbations)
            if (word.Length >= MinLengthOf(perturbation.Type))
                foreach (var candidate in perturbation.Enumerate(word))
                    yield return candidate;
    }
}
