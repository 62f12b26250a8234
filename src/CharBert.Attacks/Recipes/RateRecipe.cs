using System.Globalization;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;

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
    readonly RateRecipeSettings _settings;
    readonly IPerturbation[] _perturbations;
    readonly StopwordList _stopwords;

    public RateRecipe(TaskKind task, RateRecipeSettings settings)
    {
        if (settings.WordRate is < 0 or > 1 || double.IsNaN(settings.WordRate)) throw new ArgumentException($"--rate must be in [0, 1], got {settings.WordRate}");
        if (settings.EditsPerWord < 1) throw new ArgumentException("edits per word must be at least 1");
        if (settings.Types.Count == 0) throw new ArgumentException("the rate recipe needs at least one perturbation type");
        _settings = settings;
        var perturbationSettings = new PerturbationSettings(
            task == TaskKind.TokenLevel ? AddPerturbation.Letters : AddPerturbation.LowerLetters,
            KeyboardMap.CharBert2020, settings.AllowEnds, settings.Misspellings);
        _perturbations = settings.Types.Select(perturbationSettings.Create).ToArray();
        _stopwords = settings.SkipStopwords ? StopwordList.English : StopwordList.Empty;
        Types = settings.Types.ToArray();
        Parameters = DescribePerturbations(_perturbations, new Dictionary<string, string>
        {
            ["task"] = task.ToString(),
            ["word_rate"] = settings.WordRate.ToString("R", CultureInfo.InvariantCulture),
            ["edits_per_word"] = settings.EditsPerWord.ToString(CultureInfo.InvariantCulture),
            ["min_length"] = settings.MinLength.ToString(CultureInfo.InvariantCulture),
            ["allow_ends"] = settings.AllowEnds.ToString().ToLowerInvariant(),
            ["stopwords"] = _stopwords.Name,
            ["protect_numbers"] = settings.ProtectNumbers.ToString().ToLowerInvariant(),
            ["protect_urls"] = settings.ProtectUrls.ToString().ToLowerInvariant(),
            ["protected_words"] = string.Join(" ", settings.ProtectedWords.Order(StringComparer.Ordinal)),
            ["types"] = string.Join(",", Types.Select(t => t.ToName())),
        });
    }

    public override string Name => "rate";
    public override string Reproduces => "nlpaug RandomCharAug / KeyboardAug and TextAttack character transformations (fraction of words, edits per word)";
    public override IReadOnlyList<PerturbationType> Types { get; }
    public override IReadOnlyDictionary<string, string> Parameters { get; }

    bool IsEligible(string word) =>
        word.Length >= _settings.MinLength && !TokenClass.IsPunctuation(word) &&
        !(_settings.ProtectNumbers && TokenClass.IsNumber(word)) && !(_settings.ProtectUrls && TokenClass.IsUrl(word)) &&
        !_stopwords.Contains(word) && !_settings.ProtectedWords.Contains(word);

    public override void AttackRecord(IReadOnlyList<string> words, ReadOnlySpan<bool> allowed, ref SplitMix64 rng,
        Span<bool> eligible, List<WordEdit> edits, AttackCounters counters)
    {
        var candidates = new List<int>();
        for (var i = 0; i < words.Count; i++)
            if (eligible[i] = allowed[i] && IsEligible(words[i])) candidates.Add(i);
        if (candidates.Count == 0 || _settings.WordRate == 0) return;

        var chosen = Math.Max(1, (int)Math.Round(_settings.WordRate * candidates.Count, MidpointRounding.AwayFromZero));
        for (var k = 0; k < chosen; k++) // partial Fisher-Yates: the first `chosen` slots are a uniform sample
        {
            var j = k + rng.NextInt(candidates.Count - k);
            (candidates[k], candidates[j]) = (candidates[j], candidates[k]);
        }
        candidates.RemoveRange(chosen, candidates.Count - chosen);
        candidates.Sort();

        foreach (var i in candidates)
        {
            var word = words[i];
            for (var e = 0; e < _settings.EditsPerWord; e++)
                word = ApplyAndRecord(_perturbations[rng.NextInt(_perturbations.Length)], i, word, ref rng, edits, counters);
        }
    }
}
