using CharBert.Modeling;
using CharBert.Text.Tasks;
using CharBert.Training.Data;
using CharBert.Training.Runs;
using CharBert.Training.Tasks;
using TorchSharp;

namespace CharBert.Training.FineTuning;

/// <summary>`charbert finetune`: reads and featurises the data, builds (or loads) the model, trains with
/// per-epoch dev evaluation, and leaves config.json, environment.json, train_log.csv, epochs.*, checkpoints/,
/// predictions_dev.csv, metrics.json and model/ in the run directory.</summary>
public static class FineTuneRunner
{
    /// <param name="overwrite">Replace a run already in the output directory (otherwise refused).</param>
    public static FineTuneResult Run(FineTuneSettings settings, bool overwrite = false, IProgress<TrainingProgress>? progress = null)
    {
        settings.Validate();
        settings = settings with // absolute paths, so --resume works from any directory
        {
            Train = Path.GetFullPath(settings.Train), Dev = Path.GetFullPath(settings.Dev),
            ModelDirectory = settings.ModelDirectory is { } m ? Path.GetFullPath(m) : null,
            VocabDirectory = settings.VocabDirectory is { } v ? Path.GetFullPath(v) : null,
            ModelConfig = settings.ModelConfig is { } c && File.Exists(c) ? Path.GetFullPath(c) : settings.ModelConfig,
            LowerCase = settings.ResolvedLowerCase,
        };
        return RunFolder.StartFresh(settings.Output, overwrite, settings).Guard(folder => Train(settings, folder, fromCheckpoint: null, progress));
    }

    /// <summary>Continues the run in <paramref name="runDirectory"/> from its newest checkpoint (or
    /// <paramref name="fromCheckpoint"/>, e.g. step-00000500, when the newest is damaged), or from step 0 when it was
    /// stopped before its first.</summary>
    public static FineTuneResult Resume(string runDirectory, bool? quiet = null, string? fromCheckpoint = null, IProgress<TrainingProgress>? progress = null)
    {
        var run = RunFolder.OpenForResume(runDirectory, out FineTuneSettings saved);
        var settings = saved with { Output = runDirectory, Training = saved.Training with { Quiet = quiet ?? saved.Training.Quiet } };
        settings.Validate();
        return run.Guard(folder => Train(settings, folder, fromCheckpoint, progress));
    }

    static FineTuneResult Train(FineTuneSettings settings, RunFolder folder, string? fromCheckpoint, IProgress<TrainingProgress>? progress)
    {
        var spec = settings.Task;
        var output = settings.Output;
        var device = DeviceResolver.Resolve(settings.Training.Device);
        JsonFiles.Write(Path.Combine(output, RunFiles.Environment), EnvironmentRecord.Capture(device.ToString(), settings.Training.Seed));

        var lowerCase = settings.ResolvedLowerCase;
        var text = TextResources.Load(settings.ResolvedVocabDirectory, lowerCase);
        var maxSeqLength = settings.MaxSeqLength ?? Math.Min(spec.Format.DefaultMaxSeqLength, ModelBuilder.MaxPositions(settings));
        settings = settings with { MaxSeqLength = maxSeqLength };
        var labels = spec.IsTokenLevel ? TokenTaggingTask.LabelsOf(settings.Train, spec) : null;
        var task = FineTuneTaskFactory.Create(spec, text, maxSeqLength, labels, lowerCase, settings.Training.PadToLongest);
        var train = task.Load(settings.Train);
        var trainFeatures = settings.AugmentRecipe is { } recipe
            ? AdversarialAugmentation.Mix(train.Features, task.Load(settings.Train, AdversarialAugmentation.Attacker(recipe, spec, settings.Training.Seed)).Features,
                settings.AugmentProbability, settings.Training.Seed)
            : train.Features;
        var dev = task.Load(settings.Dev);

        torch.manual_seed(settings.Training.Seed);
        using var model = ModelBuilder.Build(settings, task, text);
        TaskEvaluation? lastDev = null;
        var trainer = new Trainer(model.Module, batch => model.Forward(batch).Loss!, new FeatureBatchSource(trainFeatures, settings.Training.PadToLongest), settings.Training, output, progress: progress);
        folder.Started();
        var outcome = trainer.Run(_ => (lastDev = task.Evaluate(model, dev, device, settings.EvalBatchSize)).Metrics, folder.HasCheckpoint, fromCheckpoint);

        lastDev ??= task.Evaluate(model, dev, device, settings.EvalBatchSize); // resumed after the last epoch's evaluation
        var result = new FineTuneResult(spec.ToString(), settings.Dev, lastDev.Metrics, outcome.GlobalStep, outcome.TotalSteps,
            outcome.Completed, outcome.Seconds, outcome.ExamplesPerSecond, outcome.TokensPerSecond, outcome.Epochs);
        if (!outcome.Completed) return result;

        lastDev.WritePredictions(Path.Combine(output, "predictions_dev.csv"));
        ModelBuilder.Save(model, Path.Combine(output, RunFiles.Model), text, new TaskMetadata(spec, task.Labels, maxSeqLength, lowerCase, settings.Training.PadToLongest));
        JsonFiles.Write(Path.Combine(output, RunFiles.Metrics), result);
        return result;
    }
}
