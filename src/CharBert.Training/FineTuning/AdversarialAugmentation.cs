using CharBert.Attacks.Generation;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Recipes;
using CharBert.Text.Featurization;
using CharBert.Text.Tasks;
using CharBert.Training.Tasks;

namespace CharBert.Training.FineTuning;

/// <summary>AdvBERT-style adversarial training data: the training set plus character-attacked copies of a
/// seeded random share of its examples, attacked with a named recipe of CharBert.Attacks.</summary>
public static class AdversarialAugmentation
{
    /// <summary>Attacks every sentence; the recipe's own generator is derived from (seed, sentence index).</summary>
    public static WordRewriter Attacker(string recipeName, TaskId task, int seed)
    {
        var kind = task.Format.Words;
        var generator = new AttackSetGenerator(RecipeCatalog.Create(recipeName, new RecipeRequest(kind)), (ulong)seed, kind);
        return sentences => sentences.Select((words, i) =>
            generator.Attack(new AttackRecordInput($"augment/{i}", words), new AttackCounters()).Words.ToArray()).ToArray();
    }

    /// <summary>The original features, then the attacked features of each example chosen with <paramref name="probability"/>
    /// (all windows of a chosen SQuAD question come along).</summary>
    public static IReadOnlyList<InputFeatures> Mix(IReadOnlyList<InputFeatures> original, IReadOnlyList<InputFeatures> attacked, double probability, int seed) =>
        original.Concat(attacked.Where(f => SplitMix64.ForRecord((ulong)seed, $"augment-choice/{f.ExampleIndex}").NextDouble() < probability)).ToArray();
}
