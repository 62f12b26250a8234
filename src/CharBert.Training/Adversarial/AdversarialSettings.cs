using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Perturbations;
using CharBert.Text.Tasks;

namespace CharBert.Training.Adversarial;

/// <summary>`charbert attack adversarial`: the fine-tuned model, the labelled file to attack and the search limits.</summary>
public sealed record AdversarialSettings
{
    public required string ModelDirectory { get; init; }
    public required string Input { get; init; }
    /// <summary>When given, must match the task the model was fine-tuned on (checked against finetune.json).</summary>
    public TaskId? Task { get; init; }
    public GreedySearchOptions Search { get; init; } = new();
    /// <summary>The edit types candidates are made of: any subset of pruthi2019's drop, add, swap, keyboard (null: all).</summary>
    public IReadOnlyList<PerturbationType>? Types { get; init; }
    public string Device { get; init; } = "cpu";
    /// <summary>Attack only the first N examples.</summary>
    public int? MaxExamples { get; init; }
    /// <summary>GLUE pair tasks: attack text_b instead of text_a.</summary>
    public bool AttackSecondSegment { get; init; }
    /// <summary>QA: an example counts as flipped once its answer F1 (a fraction) is at most this.</summary>
    public double QaSuccessF1 { get; init; }
    /// <summary>A ScRNN word recogniser directory put in front of the model; the search attacks "recogniser + model".</summary>
    public string? WordRecognizer { get; init; }
}
