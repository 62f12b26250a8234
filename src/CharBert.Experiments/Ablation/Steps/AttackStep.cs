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
        var taskKind = task.IsTokenLevel ? TaskKind.TokenLevel : TaskKind.Sentence;
        IAttackDocument? document = null;
        foreach (var (name, attack) in context.Spec.Attacks.Recipes.Where(a => a.Value.Seeds is null || a.Value.Seeds.Contains(context.Cell.Seed)))
            foreach (var rate in attack.Rates)
            {
                cancellation.ThrowIfCancellationRequested();
                var outDir = Path.Combine(context.AttacksDir, $"{name}@{rate.ToString("0.###", CultureInfo.InvariantCulture)}");
                var attackedPath = AttackRunner.SetPath(outDir, testPath, attack.Recipe, AttackRunner.MixedSetName);
                if (!File.Exists(AttackRunner.ManifestPath(outDir, testPath, attack.Recipe)))
                {
                    document ??= TaskDocuments.Load(task.CliTask, testPath);
                    var types = attack.Types.Count == 0 ? null : PerturbationTypeNames.ParseList(string.Join(",", attack.Types));
                    var request = new RecipeRequest(taskKind, types, rate < 1 ? rate : null);
                    var sets = AttackRunner.Sets(attack.Recipe, request, mixed: true, perType: false);
                    AttackRunner.Run(document, testPath, task.CliTask, sets, (ulong)context.Spec.Attacks.Seed, taskKind,
                        Environment.ProcessorCount, outDir, new Dictionary<string, string> { ["attack"] = name });
                }
                context.AttackedTestSets.Add(new AttackedTestSet(name, rate, attackedPath));
            }
        foreach (var (name, extra) in task.ExtraTests ?? new Dictionary<string, Specs.ExtraTestSpec>())
            context.ExtraTestSets.Add(new AttackedTestSet(name, 1, context.DataPath(extra.Path), extra.LenientColumns, IsExtra: true));
    }
}
