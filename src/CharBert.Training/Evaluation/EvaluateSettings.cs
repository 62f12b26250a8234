namespace CharBert.Training.Evaluation;

/// <summary>`charbert evaluate`: a fine-tuned model directory, its task, test files and where to write.</summary>
public sealed record EvaluateSettings
{
    public required string ModelDirectory { get; init; }
    /// <summary>Must match the task the model was fine-tuned on (checked against finetune.json).</summary>
    public required string Task { get; init; }
    public required IReadOnlyList<string> TestFiles { get; init; }
    public required string Output { get; init; }
    /// <summary>A ScRNN word recogniser directory applied to the words before featurisation.</summary>
    public string? WordRecognizer { get; init; }
    public string Device { get; init; } = "cpu";
    public int BatchSize { get; init; } = 64;
}
