namespace CharBert.Experiments.Ablation.Steps;

/// <summary>The real grid pipeline: pre-train → fine-tune → attack → word recogniser (bert+wordrec only) → evaluate →
/// subword split (token tasks only) → sensitivity.</summary>
public static class StandardSteps
{
    public static IReadOnlyList<ICellStep> Create(bool quiet) =>
        [
            new PretrainStep(quiet), new FinetuneStep(quiet), new AttackStep(), new WordRecognizerStep(), new EvaluateStep(),
            new SubwordSplitStep(), new SensitivityStep(),
        ];
}
