using CharBert.Attacks.Perturbations;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Recipes;

/// <summary>Options the CLI can pass to any recipe; each recipe uses those that apply to it.</summary>
public sealed record RecipeRequest(WordGranularity Words, IReadOnlyList<PerturbationType>? Types = null, double? Rate = null,
    RateRecipeSettings? RateSettings = null);

/// <summary>The named random recipes.</summary>
public static class RecipeCatalog
{
    public static IReadOnlyList<string> Names { get; } = ["charbert2020", "pruthi2019", "rate"];

    public static AttackRecipe Create(string name, RecipeRequest request) => name switch
    {
        "charbert2020" => request.Rate is null or 1.0
            ? new CharBert2020Recipe(request.Words, request.Types)
            : throw new ArgumentException("charbert2020 attacks every eligible word; --rate does not apply to it"),
        "pruthi2019" => new Pruthi2019Recipe(request.Rate ?? 1.0, request.Types),
        "rate" => new RateRecipe(request.Words, (request.RateSettings ?? new RateRecipeSettings()) with
        {
            WordRate = request.Rate ?? (request.RateSettings?.WordRate ?? 0.3),
            Types = request.Types ?? (request.RateSettings ?? new RateRecipeSettings()).Types,
        }),
        _ => throw new ArgumentException($"unknown recipe '{name}'; known: {string.Join(", ", Names)}"),
    };
}
