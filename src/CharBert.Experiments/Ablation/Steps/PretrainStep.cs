using CharBert.Experiments.Specs;
using CharBert.Training;
using CharBert.Training.PreTraining;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>Pre-trains the variant (MLM, plus NLM when the variant has it) once per (variant, seed): the tasks of
/// that variant reuse the model. A variant from a pretrained directory starts from that checkpoint's weights where they
/// fit its switches (the rest freshly initialised, seeded). advbert is pre-trained on noised text (NLM's word noise,
/// without the NLM loss: BERT has no char channel). Variants without pre-training go straight to fine-tuning from their
/// checkpoint (or from scratch).</summary>
public sealed class PretrainStep(bool quiet) : ICellStep
{
    public string Name => "pre-train";

    public void Run(CellContext context, CancellationToken cancellation)
    {
        var spec = context.Spec;
        var model = context.Cell.Model;
        var variantConfig = VariantModels.WriteConfig(context.Cell.Variant, model, spec.DataRoot,
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
        if (File.Exists(Path.Combine(context.PretrainDir, RunFiles.Metrics))) return; // done for an earlier task of this variant
        if (StepRuns.CanResume(context.PretrainDir))
        {
            PretrainRunner.Resume(context.PretrainDir, quiet);
            return;
        }
        if (Directory.Exists(context.PretrainDir)) Directory.Delete(context.PretrainDir, recursive: true);
        var corpus = spec.Training.PretrainCorpus ?? throw new ArgumentException("pre-training needs the spec's training.pretrain_corpus");
        PretrainRunner.Run(new PretrainSettings
        {
            TrainFiles = [context.DataPath(corpus)],
            ModelConfig = variantConfig, // with InitFrom: the checkpoint's weights where they fit the variant, the rest fresh
            InitFrom = initFrom,
            ModelKind = VariantModels.KindOf(model),
            VocabDirectory = initFrom ?? VariantModels.RequireVocab(spec, context),
            Output = context.PretrainDir,
            AdvProbability = model.Nlm || model.Kind == ModelSpec.AdvBert ? NlmWordNoising.DefaultProbability : 0,
            BlockSize = spec.Training.MaxSeqLength,
            Training = new TrainingOptions
            {
                MaxSteps = spec.Training.PretrainSteps, BatchSize = spec.Training.BatchSize,
                LearningRate = spec.Training.PretrainLearningRate, WarmupSteps = spec.Training.PretrainSteps / 10,
                Seed = context.Cell.Seed, Device = spec.Training.Device, Quiet = quiet, CheckpointEvery = 0,
            },
        });
    }
}
