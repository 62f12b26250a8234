using CharBert.Training.WordRecognition;

namespace CharBert.Training.Evaluation;

/// <summary>evaluate.json beside results.csv: what was evaluated and how, including the word recogniser placed in
/// front of the model (null for none), and which predictions file holds each test file's predictions.</summary>
public sealed record EvaluationRecord(
    string Model,
    string ModelDirectory,
    string Task,
    IReadOnlyList<string> TestFiles,
    WordRecognizerInfo? WordRecognizer,
    string Device,
    IReadOnlyList<string>? PredictionFiles = null)
{
    public const string FileName = "evaluate.json";
    /// <summary>With --lenient-columns: per test file, the token lines read leniently (extra fields); null otherwise.</summary>
    public IReadOnlyDictionary<string, int>? LenientLines { get; init; }
}
