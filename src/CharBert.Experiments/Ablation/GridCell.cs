using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;

namespace CharBert.Experiments.Ablation;

/// <summary>One cell of the ablation grid: a model variant trained with one seed on one task.</summary>
public sealed record GridCell(string Variant, ModelSpec Model, int Seed, string TaskName, TaskEntry Task)
{
    public CellKey Key => new(Variant, Seed, TaskName);

    /// <summary>Expands variant × seed × task in spec order (variant outermost, so the per-(variant, seed)
    /// pre-trained model is reused by consecutive cells).</summary>
    public static IReadOnlyList<GridCell> Expand(ExperimentSpec spec) =>
        (from model in spec.Models
         from seed in spec.Seeds
         from task in spec.Tasks
         select new GridCell(model.Key, model.Value, seed, task.Key, task.Value)).ToList();
}
