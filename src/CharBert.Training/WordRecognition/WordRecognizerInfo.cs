namespace CharBert.Training.WordRecognition;

/// <summary>Which recogniser a run used and how it backs off, as recorded in a run's outputs. <see cref="NeutralWord"/>
/// only for the neutral back-off; <see cref="Background"/> only for the background back-off.</summary>
public sealed record WordRecognizerInfo(
    string Directory,
    UnkBackoff Backoff,
    int VocabularySize,
    int HiddenSize,
    IReadOnlyList<string> NoiseTypes,
    string? NeutralWord,
    WordRecognizerInfo? Background)
{
    public static WordRecognizerInfo Of(WordRecognizer recognizer, string directory) => new(
        Path.GetFullPath(directory),
        recognizer.Config.Backoff,
        recognizer.Config.Words.Length,
        recognizer.Config.HiddenSize,
        recognizer.Config.NoiseTypes,
        recognizer.Config.Backoff == UnkBackoff.Neutral ? recognizer.Config.NeutralWord : null,
        recognizer.Background is { } background ? Of(background, Path.Combine(directory, WordRecognizer.BackgroundDirectoryName)) : null);
}
