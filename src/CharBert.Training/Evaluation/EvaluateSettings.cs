using CharBert.Text.Tasks;
namespace CharBert.Training.Evaluation;

/// <summary>`charbert evaluate`: a fine-tuned model directory, its task, test files and where to write.</summary>
public sealed record EvaluateSettings
{
    public required string ModelDirectory { get; init; }
    /// <summary>Must match the task the model was fine-tuned on (checked against finetune.json).</summary>
    public required TaskId Task { get; init; }
    public required IReadOnlyList<string> TestFiles { get; init; }
    public required string Output { get; init; }
    /// <summary>A ScRNN word recogniser directory applied to the words before featurisation.</summary>
    public string? WordRecognizer { get; init; }
    public string Device { get; init; } = "cpu";
    /// <summary>CoNLL test files may have token lines with extra space-separated fields, read as the original reader does
    /// (first field = word, last = label); off by default, where such a line is an error. Token tasks only.</summary>
    public bool LenientColumns { get; init; }
    public int BatchSize { get; init; } = 64;
}
