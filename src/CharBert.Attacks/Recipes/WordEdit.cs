using CharBert.Attacks.Perturbations;

namespace CharBert.Attacks.Recipes;

/// <summary>One applied edit to token <see cref="TokenIndex"/> of a record. Words edited several times get one
/// entry per edit, chained (each <see cref="Original"/> is the previous <see cref="Attacked"/>). The strings
/// are the word cores the recipe saw (see <see cref="Generation.WordCore"/>).</summary>
public readonly record struct WordEdit(int TokenIndex, string Original, string Attacked, PerturbationType Type, int Position);
