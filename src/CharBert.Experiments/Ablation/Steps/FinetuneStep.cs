using CharBert.Training;
using CharBert.Training.FineTuning;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Fine-tunes the (pre-trained) variant on the cell's task; resumes an interrupted fine-tuning run.</summary>
public sealed class FinetuneStep(bool quiet) : ICellStep
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
            FineTuneRunner.Resume(output, quiet);
            return;
        }
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var fromScratch = context.PretrainedModelDir is null;
        FineTuneRunner.Run(new FineTuneSettings
        {
            Task = task.CliTask,
            ModelDirectory = context.PretrainedModelDir,
            ModelConfig = fromScratch ? context.ScratchConfig : null,
            ModelKind = VariantModels.KindOf(context.Cell.Model),
            VocabDirectory = fromScratch ? VariantModels.RequireVocab(spec, context) : null,
            Train = context.DataPath(task.Train),
            Dev = context.DataPath(task.Dev),
            Output = output,
            MaxSeqLength = spec.Training.MaxSeqLength,
            Training = new TrainingOptions
            {
                Epochs = spec.Training.FinetuneEpochs, BatchSize = spec.Training.BatchSize, LearningRate = spec.Training.LearningRate,
                WarmupSteps = 0, Seed = context.Cell.Seed, Device = spec.Training.Device, Quiet = quiet, CheckpointEvery = 0,
            },
        });
    }
}
