using CharBert.Training.Evaluation;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Scores the fine-tuned model on the clean test set and on every attacked copy; each metric becomes a
/// summary row (test set "clean" or the attack's name@rate). A bert+wordrec model reads every set through its word
/// recogniser. The model is loaded once for all sets. The task's extra test sets (e.g. the authors' attacked files) are scored the same way, named by their key.</summary>
public sealed class EvaluateStep : ICellStep
{
    public const string Folder = "evaluate";
    public string Name => "evaluate";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var modelDir = context.FinetunedModelDir ?? throw new InvalidOperationException("evaluate runs after fine-tune");
        var sets = new List<(AttackedTestSet? Attack, string Path, string Folder)> { (null, context.DataPath(context.Cell.Task.Test), "clean") };
        sets.AddRange(context.AttackedTestSets.Concat(context.ExtraTestSets).Select(a => ((AttackedTestSet?)a, a.Path, a.FolderName)));
        EvaluateSettings Settings(string path, string folder, AttackedTestSet? attack) => new()
        {
            ModelDirectory = modelDir, Task = context.Cell.Task.Id, TestFiles = [path],
            Output = Path.Combine(context.RunDir, Folder, folder), Device = context.Spec.Training.Device,
            WordRecognizer = context.WordRecognizerDir, LenientColumns = attack?.LenientColumns ?? false,
        };
        using var model = EvaluationModel.Load(Settings(sets[0].Path, sets[0].Folder, null));
        foreach (var (attack, path, folder) in sets)
        {
            cancellation.ThrowIfCancellationRequested();
            var rows = EvaluateRunner.Run(Settings(path, folder, attack), loaded: model);
            foreach (var row in rows) context.AddResult(row.Metric, row.Value, attack);
        }
    }
}
