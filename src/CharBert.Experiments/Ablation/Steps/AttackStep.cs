using System.Globalization;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Makes the attacked copies of the cell's test set, one per (attack, rate) of the spec. Attacked sets
/// depend only on the task, the recipe and the attack seed, so they are generated once under
/// results/&lt;experiment&gt;/attacks/&lt;task&gt;/ and shared by every variant and seed; a cell uses those of the attacks
/// whose seeds include its own. The task's extra test sets (given files) are listed beside them.</summary>
public sealed class AttackStep : ICellStep
{
    public string Name => "attack";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var task = context.Cell.Task;
        var testPath = context.DataPath(task.Test);
        var format = AttackFormats.ForTask(task.Id);
        foreach (var (name, attack) in context.Spec.Attacks.Recipes.Where(a => a.Value.Seeds is null || a.Value.Seeds.Contains(context.Cell.Seed)))
            foreach (var rate in attack.Rates)
            {
                cancellation.ThrowIfCancellationRequested();
                var outDir = Path.Combine(context.AttacksDir, $"{name}@{rate.ToString("0.###", CultureInfo.InvariantCulture)}");
                var attackedPath = AttackRunner.SetPath(outDir, testPath, attack.Recipe, AttackRunner.MixedSetName);
                if (!File.Exists(AttackRunner.ManifestPath(outDir, testPath, attack.Recipe)))
                {
                    var types = attack.Types.Count == 0 ? null : PerturbationTypeNames.ParseList(string.Join(",", attack.Types));
                    var request = new RecipeRequest(format.WordKind, types, rate < 1 ? rate : null);
                    AttackRunner.Run(new AttackJob
                    {
                        Format = format,
                        InputPath = testPath,
                        Task = task.Id,
                        Sets = AttackRunner.Sets(attack.Recipe, request, mixed: true, perType: false),
                        Seed = (ulong)context.Spec.Attacks.Seed,
                        OutDir = outDir,
                        Threads = Environment.ProcessorCount,
                        Options = new Dictionary<string, string> { ["attack"] = name },
                        Overwrite = true,
                    }, cancellation);
                }
                context.AttackedTestSets.Add(new AttackedTestSet(name, rate, attackedPath));
            }
        foreach (var (name, extra) in task.ExtraTests ?? new Dictionary<string, Specs.ExtraTestSpec>())
            context.ExtraTestSets.Add(new AttackedTestSet(name, 1, context.DataPath(extra.Path), extra.LenientColumns, IsExtra: true));
    }
}
