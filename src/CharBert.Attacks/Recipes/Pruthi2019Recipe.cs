using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
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
    readonly IPerturbation[] _perturbations;
    readonly int[] _minLengths;
    readonly int _shortestMinLength;
    readonly double _rate;
    readonly StopwordList _stopwords = StopwordList.English;

    public static readonly IReadOnlyList<PerturbationType> DefaultTypes =
        [PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap, PerturbationType.Keyboard];

    public Pruthi2019Recipe(double rate = 1.0, IReadOnlyList<PerturbationType>? types = null)
    {
        if (rate is < 0 or > 1 || double.IsNaN(rate)) throw new ArgumentException($"--rate must be in [0, 1], got {rate}");
        types ??= DefaultTypes;
        if (types.Count == 0 || types.Any(t => !DefaultTypes.Contains(t)))
            throw new ArgumentException("pruthi2019 uses drop, add, swap and keyboard only (any non-empty subset)");
        _rate = rate;
        Types = types.ToArray();
        var settings = new PerturbationSettings(AddPerturbation.LowerLetters, KeyboardMap.Pruthi2019);
        _perturbations = Types.Select(settings.Create).ToArray();
        _minLengths = Types.Select(MinLengthOf).ToArray();
        _shortestMinLength = _minLengths.Min();
        Parameters = DescribePerturbations(_perturbations, new Dictionary<string, string>
        {
            ["mode"] = "random",
            ["rate"] = rate.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            ["types"] = string.Join(",", Types.Select(t => t.ToName())),
            ["min_length"] = string.Join(",", Types.Select(t => $"{t.ToName()}:{MinLengthOf(t)}")),
            ["skip_stopwords"] = _stopwords.Name,
            ["skip_punctuation"] = "true",
        });
    }

    public static int MinLengthOf(PerturbationType type) => type == PerturbationType.Swap ? 5 : 3;

    public override string Name => "pruthi2019";
    public override string Reproduces => "Pruthi, Dhingra & Lipton 2019, Combating Adversarial Misspellings with Robust Word Recognition (ACL)";
    public override IReadOnlyList<PerturbationType> Types { get; }
    public override IReadOnlyDictionary<string, string> Parameters { get; }

    /// <summary>Whether Pruthi et al. would consider attacking this word at all.</summary>
    public bool IsAttackable(string word) =>
        word.Length >= _shortestMinLength && !TokenClass.IsPunctuation(word) && !_stopwords.Contains(word);

    /// <summary>Every one-edit variant of <paramref name="word"/> of the requested types its length allows.</summary>
    public IEnumerable<PerturbationOutcome> AdversarialCandidates(string word)
    {
        if (!IsAttackable(word)) yield break;
        for (var t = 0; t < _perturbations.Length; t++)
            if (word.Length >= _minLengths[t])
                foreach (var candidate in _perturbations[t].Enumerate(word))
                    yield return candidate;
    }

    public override void AttackRecord(IReadOnlyList<string> words, ReadOnlySpan<bool> allowed, ref SplitMix64 rng,
        Span<bool> eligible, List<WordEdit> edits, AttackCounters counters)
    {
        Span<int> usable = stackalloc int[_perturbations.Length];
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            eligible[i] = allowed[i] && IsAttackable(word);
            if (!eligible[i] || rng.NextDouble() >= _rate) continue;
            var count = 0;
            for (var t = 0; t < _perturbations.Length; t++)
                if (word.Length >= _minLengths[t]) usable[count++] = t;
            ApplyAndRecord(_perturbations[usable[rng.NextInt(count)]], i, word, ref rng, edits, counters);
        }
    }
}
