using System.Globalization;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes.Composition;
using CharBert.Attacks.Resources;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Recipes;

/// <summary>Settings of the rate-based recipe; the defaults follow nlpaug's RandomCharAug (aug_word_p 0.3,
/// min_char 4, one edit per word here, stopwords skipped, first and last character kept).</summary>
public sealed record RateRecipeSettings
{
    public double WordRate { get; init; } = 0.3;
    public int EditsPerWord { get; init; } = 1;
    public int MinLength { get; init; } = 4;
    public bool AllowEnds { get; init; }
    public bool SkipStopwords { get; init; } = true;
    public bool ProtectNumbers { get; init; } = true;
    public bool ProtectUrls { get; init; } = true;
    public IReadOnlyList<PerturbationType> Types { get; init; } =
        [PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap, PerturbationType.Keyboard];
    /// <summary>Extra words never attacked (exact match).</summary>
    public IReadOnlySet<string> ProtectedWords { get; init; } = new HashSet<string>();
    public MisspellingTable? Misspellings { get; init; }
}

/// <summary><c>rate</c>: attacks a fixed fraction of each record's eligible words, in the style of nlpaug
/// (Ma 2019, RandomCharAug/KeyboardAug) and TextAttack's transformations: <c>round(rate × eligible)</c> words
/// (at least one when the rate is positive and a word is eligible, as nlpaug's aug_min = 1), chosen uniformly
/// without replacement, each receiving <c>EditsPerWord</c> chained edits of uniformly drawn types. Eligible =
/// length ≥ MinLength, not punctuation, not a protected number/URL/listed word, not a stopword when skipped.</summary>
public sealed class RateRecipe : AttackRecipe
{
    public RateRecipe(WordGranularity task, RateRecipeSettings settings)
        : base("rate", "nlpaug RandomCharAug / KeyboardAug and TextAttack character transformations (fraction of words, edits per word)")
    {
        if (settings.WordRate is < 0 or > 1 || double.IsNaN(settings.WordRate)) throw new ArgumentException($"--rate must be in [0, 1], got {settings.WordRate}");
        if (settings.EditsPerWord < 1) throw new ArgumentException("edits per word must be at least 1");
        if (settings.Types.Count == 0) throw new ArgumentException("the rate recipe needs at least one perturbation type");
        Types = settings.Types.ToArray();
        var perturbations = Types.Select(new PerturbationSettings(
            task == WordGranularity.TokenLevel ? AddPerturbation.Letters : AddPerturbation.LowerLetters,
            KeyboardMap.CharBert2020, settings.AllowEnds, settings.Misspellings).Create).ToArray();
        var stopwords = settings.SkipStopwords ? StopwordList.English : StopwordList.Empty;

        Constraints =
        [
            new MinWordLength(settings.MinLength), new NotPunctuation(),
            .. settings.ProtectNumbers ? [new NotNumber()] : Array.Empty<IWordConstraint>(),
            .. settings.ProtectUrls ? [new NotUrl()] : Array.Empty<IWordConstraint>(),
            .. settings.SkipStopwords ? [new NotStopword(stopwords)] : Array.Empty<IWordConstraint>(),
            .. settings.ProtectedWords.Count > 0 ? [new NotListed(settings.ProtectedWords)] : Array.Empty<IWordConstraint>(),
        ];
        Selection = new FractionOfEligibleWords(settings.WordRate);
        Editing = new WordEditing(new UniformType(perturbations), settings.EditsPerWord);
        Parameters = DescribePerturbations(perturbations, new Dictionary<string, string>
        {
            ["task"] = task.ToString(),
            ["word_rate"] = settings.WordRate.ToString("R", CultureInfo.InvariantCulture),
            ["edits_per_word"] = settings.EditsPerWord.ToString(CultureInfo.InvariantCulture),
            ["min_length"] = settings.MinLength.ToString(CultureInfo.InvariantCulture),
            ["allow_ends"] = settings.AllowEnds.ToString().ToLowerInvariant(),
            ["stopwords"] = stopwords.Name,
            ["protect_numbers"] = settings.ProtectNumbers.ToString().ToLowerInvariant(),
            ["protect_urls"] = settings.ProtectUrls.ToString().ToLowerInvariant(),
            ["protected_words"] = string.Join(" ", settings.ProtectedWords.Order(StringComparer.Ordinal)),
            ["types"] = string.Join(",", Types.Select(t => t.ToName())),
        });
    }
}
