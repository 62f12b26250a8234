using CharBert.Experiments.Specs;

namespace CharBert.Experiments.Ablation;

/// <summary>Which pre-training (adaptation) run a grid cell starts from: the variant whose settings it uses (the cell's own,
/// or the one it shares pre-training with), the seed it is trained with (the spec's pretrain_seed, shared by every seed's
/// fine-tuning, else the cell's seed) and its folder, runs/&lt;variant&gt;/pretrain or runs/&lt;variant&gt;/seed-&lt;s&gt;/pretrain.</summary>
public sealed record PretrainPlan(string Variant, ModelSpec Model, int Seed, string Directory)
{
    public const string Folder = "pretrain";

    public static PretrainPlan For(ExperimentSpec spec, GridCell cell, string resultsDir)
    {
        var variant = cell.Model.SharesPretrainingWith ?? cell.Variant;
        var model = spec.Models[variant];
        var runs = Path.Combine(resultsDir, AblationRunner.RunsFolder, variant);
        return spec.Training.PretrainSeed is { } shared
            ? new PretrainPlan(variant, model, shared, Path.Combine(runs, Folder))
            : new PretrainPlan(variant, model, cell.Seed, Path.Combine(runs, $"seed-{cell.Seed}", Folder));
    }
}
