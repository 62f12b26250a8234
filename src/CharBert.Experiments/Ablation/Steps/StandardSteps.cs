using CharBert.Training;

namespace CharBert.Experiments.Ablation.Steps;

/// <summary>The real grid pipeline: pre-train → fine-tune → attack → word recogniser (bert+wordrec only) → evaluate →
/// subword split (token tasks only) → sensitivity.</summary>
public static class StandardSteps
{
    /// <param name="progressView">Shows pre-training and fine-tuning progress (null: quiet).</param>
    public static IReadOnlyList<ICellStep> Create(ITrainingProgressView? progressView = null) =>
        [
            new PretrainStep(progressView), new FinetuneStep(progressView), new AttackStep(), new WordRecognizerStep(), new EvaluateStep(),
            new SubwordSplitStep(), new SensitivityStep(),
        ];
}
