using CharBert.Experiments.Specs;
using CharBert.Modeling.Heads;
using CharBert.Training;
using CharBert.Training.Optimization;
using CharBert.Training.PreTraining;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Pre-trains (adapts) the variant (MLM, plus NLM when the variant has it) once per (variant, seed), or once per
/// variant when the spec has a pretrain_seed: the tasks (and seeds) of that variant reuse the model, and a variant that
/// shares pre-training with another starts from that one's (<see cref="PretrainPlan"/>). A variant from a pretrained
/// directory starts from that checkpoint's weights where they fit its switches (the rest freshly initialised, seeded; the
/// spec's fresh_learning_rate, fresh_warmup_steps and frozen_steps schedule the fresh parts apart). advbert is pre-trained
/// on noised text (NLM's word noise, without the NLM loss: BERT has no char channel). Variants without pre-training go
/// straight to fine-tuning from their checkpoint (or from scratch).</summary>
public sealed class PretrainStep(ITrainingProgressView? progressView) : ICellStep
{
    public string Name => "pre-train";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var spec = context.Spec;
        var plan = context.Pretrain;
        var model = plan.Model;
        var variantConfig = VariantModels.WriteConfig(plan.Variant, model, spec.DataRoot,
            Path.Combine(Path.GetDirectoryName(context.PretrainDir)!, "config.json"));
        var initFrom = VariantModels.IsScratch(model) ? null : VariantModels.PretrainedDirectory(model, spec.DataRoot);
        if (!model.Pretrain || spec.Training.PretrainSteps <= 0)
        {
            context.PretrainedModelDir = initFrom;
            context.FinetuneConfig = variantConfig;
            return;
        }

        var modelDir = Path.Combine(context.PretrainDir, RunFiles.Model);
        context.PretrainedModelDir = modelDir;
        context.FinetuneConfig = null;
        if (File.Exists(Path.Combine(context.PretrainDir, RunFiles.Metrics))) return; // done for an earlier cell
        if (StepRuns.CanResume(context.PretrainDir))
        {
            progressView.Run(progress => PretrainRunner.Resume(context.PretrainDir, progressView is null, progress: progress));
            return;
        }
        if (Directory.Exists(context.PretrainDir)) Directory.Delete(context.PretrainDir, recursive: true);
        progressView.Run(progress => PretrainRunner.Run(Settings(spec, plan, context, variantConfig, initFrom, progressView is null), progress: progress));
    }

    public static PretrainSettings Settings(ExperimentSpec spec, PretrainPlan plan, CellContext context, string variantConfig, string? initFrom, bool quiet)
    {
        var model = plan.Model;
        var training = model.Adaptation?.ApplyTo(spec.Training) ?? spec.Training;
        var corpus = training.PretrainCorpus ?? throw new ArgumentException("pre-training needs the spec's training.pretrain_corpus");
        var fresh = new FreshParameterSchedule
        {
            FreshLearningRate = training.FreshLearningRate, FreshWarmupSteps = training.FreshWarmupSteps, FrozenSteps = training.FrozenSteps ?? 0,
        };
        return new PretrainSettings
        {
            TrainFiles = [context.DataPath(corpus)],
            ModelConfig = variantConfig, // with InitFrom: the checkpoint's weights where they fit the variant, the rest fresh
            InitFrom = initFrom,
            ModelKind = VariantModels.KindOf(model),
            VocabDirectory = initFrom ?? VariantModels.RequireVocab(spec, context),
            Output = context.PretrainDir,
            MlmProbability = training.MlmProbability ?? MaskedLmMasker.DefaultProbability,
            AdvProbability = model.Nlm || model.Kind == ModelSpec.AdvBert ? training.NlmProbability ?? NlmWordNoising.DefaultProbability : 0,
            BlockSize = training.MaxSeqLength,
            Training = new TrainingOptions
            {
                MaxSteps = training.PretrainSteps, BatchSize = training.PretrainBatchSize ?? training.BatchSize,
                LearningRate = training.PretrainLearningRate, WarmupSteps = training.PretrainWarmupSteps ?? training.PretrainSteps / 10,
                Seed = plan.Seed, Device = training.Device, Quiet = quiet, CheckpointEvery = training.PretrainCheckpointEvery ?? 0,
                FreshParameters = fresh.IsDefault ? null : fresh,
            },
        };
    }
}
