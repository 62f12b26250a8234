using CharBert.Experiments.Results;
using CharBert.Experiments.Sensitivity;
using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Sensitivity S of the fine-tuned model between the clean test set and each attacked copy: summary rows
/// sensitivity / sensitivity.attacked / sensitivity.unattacked, and per-word CSVs under the run folder. A model
/// without a character channel is measured on its token channel; a bert+wordrec model through its word recogniser
/// (both sentences are recognised before encoding, as the model sees them).</summary>
public sealed class SensitivityStep : ICellStep
{
    public const string Folder = "sensitivity";
    public string Name => "sensitivity";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var spec = context.Spec;
        if (spec.Sensitivity.Seeds is { } seeds && !seeds.Contains(context.Cell.Seed)) return;
        var modelDir = context.FinetunedModelDir ?? throw new InvalidOperationException("sensitivity runs after fine-tune");
        var hasChar = CharBertConfig.Load(Path.Combine(modelDir, ModelDirectory.ConfigFile)).UseCharChannel
                      && VariantModels.KindOf(context.Cell.Model) == ModelKind.CharBert;
        var settings = new SensitivitySettings(spec.Sensitivity.Layer, SensitivitySettings.ParsePooling(spec.Sensitivity.Pooling),
            hasChar ? SensitivitySettings.ParseChannel(spec.Sensitivity.Channel) : RepresentationChannel.Token, context.MaxSeqLength);
        foreach (var attack in context.AttackedTestSets)
        {
            cancellation.ThrowIfCancellationRequested();
            var result = SensitivityAnalysis.RunOnFiles(modelDir, null, null, context.Cell.Task.Id,
                context.DataPath(context.Cell.Task.Test), attack.Path, settings, spec.Training.Device, context.WordRecognizerDir);
            SensitivityFiles.Write(Path.Combine(context.RunDir, Folder, attack.FolderName), result, settings);
            var report = result.Report;
            if (report.All is { } all) context.AddResult(MetricNames.Sensitivity, all, attack);
            if (report.Attacked is { } attacked) context.AddResult(MetricNames.SensitivityAttacked, attacked, attack);
            if (report.Unattacked is { } unattacked) context.AddResult(MetricNames.SensitivityUnattacked, unattacked, attack);
        }
    }
}
