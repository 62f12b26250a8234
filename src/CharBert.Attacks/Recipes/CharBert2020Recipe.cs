using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;

namespace CharBert.Attacks.Recipes;

/// <summary><c>charbert2020</c>: the random character attack behind CharBERT's attacked test sets
/// (Ma et al., COLING 2020, §4.4; CharAttack_NER / CharAttack_QNLI). Every word of length ≥ 4 gets exactly
/// one edit; in token-level (CoNLL) files all-digit tokens are skipped. The edit type is uniform over
/// drop/add/swap/keyboard (or the subset asked for); positions are uniform over the interior ranges; inserted
/// characters are uniform over a-zA-Z for token-level files and a-z for sentence tasks; keyboard edits use
/// the reconstructed CharBERT map (lower-case output).
/// Stopwords (NLTK, case-insensitive) never get a keyboard edit: when a stopword draws keyboard, its type is
/// redrawn uniformly from the other requested types (so it still gets exactly one edit); with keyboard as the
/// only type it stays unchanged. A draw that cannot change the word (equal letters swapped, a key without
/// neighbours) leaves it unchanged; it is not redrawn.</summary>
public sealed class CharBert2020Recipe : AttackRecipe
{
    public const int MinLength = 4;

    readonly IPerturbation[] _perturbations;
    readonly IPerturbation[] _nonKeyboard;
    readonly bool _skipDigits;
    readonly StopwordList _stopwords;

    public CharBert2020Recipe(TaskKind task, IReadOnlyList<PerturbationType>? types = null)
    {
        var allowed = new[] { PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap, PerturbationType.Keyboard };
        types ??= allowed;
        if (types.Count == 0 || types.Any(t => !allowed.Contains(t)))
            throw new ArgumentException("charbert2020 uses drop, add, swap and keyboard only (any non-empty subset)");
        Types = types.ToArray();
        var settings = new PerturbationSettings(
            task == TaskKind.TokenLevel ? AddPerturbation.Letters : AddPerturbation.LowerLetters, KeyboardMap.CharBert2020);
        _perturbations = Types.Select(settings.Create).ToArray();
        _nonKeyboard = _perturbations.Where(p => p.Type != PerturbationType.Keyboard).ToArray();
        _skipDigits = task == TaskKind.TokenLevel;
        _stopwords = StopwordList.English;
        Parameters = DescribePerturbations(_perturbations, new Dictionary<string, string>
        {
            ["task"] = task.ToString(),
            ["types"] = string.Join(",", Types.Select(t => t.ToName())),
            ["min_length"] = MinLength.ToString(),
            ["skip_all_digit_tokens"] = _skipDigits.ToString().ToLowerInvariant(),
            ["keyboard_stopwords"] = _stopwords.Name,
            ["stopword_drawing_keyboard"] = "redraw-from-other-types",
        });
    }

    public override string Name => "charbert2020";
    public override string Reproduces => "Ma et al. 2020, CharBERT (COLING), character attack sets CharAttack_NER / CharAttack_QNLI";
    public override IReadOnlyList<PerturbationType> Types { get; }
    public override IReadOnlyDictionary<string, string> Parameters { get; }

    public override void AttackRecord(IReadOnlyList<string> words, ReadOnlySpan<bool> allowed, ref SplitMix64 rng,
        Span<bool> eligible, List<WordEdit> edits, AttackCounters counters)
    {
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            eligible[i] = allowed[i] && word.Length >= MinLength && !(_skipDigits && TokenClass.IsAllDigits(word));
            if (!eligible[i]) continue;
            var perturbation = _perturbations[rng.NextInt(_perturbations.Length)];
            if (perturbation.Type == PerturbationType.Keyboard && _stopwords.Contains(word))
            {
                if (_nonKeyboard.Length == 0) continue;
                perturbation = _nonKeyboard[rng.NextInt(_nonKeyboard.Length)];
            }
            ApplyAndRecord(perturbation, i, word, ref rng, edits, counters);
        }
    }
}
