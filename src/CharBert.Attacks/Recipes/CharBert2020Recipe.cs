using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes.Composition;
using CharBert.Attacks.Resources;
using CharBert.Text.Tasks;

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

    static readonly PerturbationType[] Supported =
        [PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap, PerturbationType.Keyboard];

    public CharBert2020Recipe(WordGranularity task, IReadOnlyList<PerturbationType>? types = null)
        : base("charbert2020", "Ma et al. 2020, CharBERT (COLING), character attack sets CharAttack_NER / CharAttack_QNLI")
    {
        Types = RequireTypes(Name, types, Supported);
        var tokenLevel = task == WordGranularity.TokenLevel;
        var perturbations = Types.Select(new PerturbationSettings(
            tokenLevel ? AddPerturbation.Letters : AddPerturbation.LowerLetters, KeyboardMap.CharBert2020).Create).ToArray();
        var stopwords = StopwordList.English;

        Constraints = tokenLevel ? [new MinWordLength(MinLength), new NotAllDigits()] : [new MinWordLength(MinLength)];
        Selection = new EveryEligibleWord();
        Editing = new WordEditing(new KeyboardRedrawnForStopwords(perturbations, stopwords));
        Parameters = DescribePerturbations(perturbations, new Dictionary<string, string>
        {
            ["task"] = task.ToString(),
            ["types"] = string.Join(",", Types.Select(t => t.ToName())),
            ["min_length"] = MinLength.ToString(),
            ["skip_all_digit_tokens"] = tokenLevel.ToString().ToLowerInvariant(),
            ["keyboard_stopwords"] = stopwords.Name,
            ["stopword_drawing_keyboard"] = "redraw-from-other-types",
        });
    }
}
