namespace CharBert.Experiments.Ablation.Steps;

/// <summary>The real grid pipeline: pre-train → fine-tune → attack → evaluate → sensitivity.</summary>
public static class StandardSteps
{
    public static IReadOnlyList<ICellStep> Create(bool quiet) =>
        [new PretrainStep(quiet), new FinetuneStep(quiet), new AttackStep(), new EvaluateStep(), new SensitivityStep()];
}
