using CharBert.Experiments.Specs;
using CharBert.Modeling.Heads;
using CharBert.Training;
using CharBert.Training.FineTuning;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Fine-tunes the (pre-trained) variant on the cell's task; resumes an interrupted fine-tuning run. advbert
/// trains on the task's training set plus attacked copies of a share of its examples (AdversarialAugmentation).</summary>
public sealed class FinetuneStep(ITrainingProgressView? progressView) : ICellStep
{
    public const string Folder = "finetune";
    public string Name => "fine-tune";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var spec = context.Spec;
        var task = context.Cell.Task;
        var output = Path.Combine(context.RunDir, Folder);
        context.FinetunedModelDir = Path.Combine(output, RunFiles.Model);
        if (File.Exists(Path.Combine(output, RunFiles.Metrics))) return;
        if (StepRuns.CanResume(output))
        {
            progressView.Run(progress => FineTuneRunner.Resume(output, progressView is null, progress: progress));
            return;
        }
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var model = context.Cell.Model;
        progressView.Run(progress => FineTuneRunner.Run(new FineTuneSettings
        {
            Task = task.Id,
            ModelDirectory = context.PretrainedModelDir,
            ModelConfig = context.FinetuneConfig,
            ModelKind = VariantModels.KindOf(model),
            VocabDirectory = context.PretrainedModelDir is null ? VariantModels.RequireVocab(spec, context) : null,
            AugmentRecipe = model.Kind == ModelSpec.AdvBert ? model.AugmentRecipe ?? ModelSpec.DefaultAugmentRecipe : null,
            AugmentProbability = model.AugmentProbability ?? FineTuneSettings.DefaultAugmentProbability, // spec validation: advbert only
            Train = context.DataPath(task.Train),
            Dev = context.DataPath(task.Dev),
            Output = output,
            MaxSeqLength = context.MaxSeqLength,
            Training = new TrainingOptions
            {
                Epochs = spec.Training.FinetuneEpochs, BatchSize = spec.Training.BatchSize, LearningRate = spec.Training.LearningRate,
                WarmupSteps = 0, Seed = context.Cell.Seed, Device = spec.Training.Device, Quiet = progressView is null, CheckpointEvery = 0,
                PadToLongest = spec.Training.PadToLongest ?? false, GroupByLength = spec.Training.GroupByLength ?? false,
            },
        }, progress: progress));
    }
}
