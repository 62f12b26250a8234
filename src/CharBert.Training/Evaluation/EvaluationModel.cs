using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Training.Runs;
using CharBert.Training.WordRecognition;
using TorchSharp;

namespace CharBert.Training.Evaluation;

/// <summary>A fine-tuned model (and its optional word recogniser) loaded once for several <see cref="EvaluateRunner"/>
/// runs, e.g. a clean test set and its attacked copies; disposing it frees the weights.</summary>
public sealed class EvaluationModel : IDisposable
{
    EvaluationModel(string directory, string? wordRecognizerDirectory, torch.Device device, ITaskModel model, WordRecognizer? recognizer)
    {
        Directory = directory;
        WordRecognizerDirectory = wordRecognizerDirectory;
        Device = device;
        Model = model;
        Recognizer = recognizer;
    }

    public string Directory { get; }
    public string? WordRecognizerDirectory { get; }
    public torch.Device Device { get; }
    public ITaskModel Model { get; }
    public WordRecognizer? Recognizer { get; }

    /// <summary>Loads what <paramref name="settings"/> names (model directory, word recogniser, device).</summary>
    public static EvaluationModel Load(EvaluateSettings settings)
    {
        var device = DeviceResolver.Resolve(settings.Device);
        var model = ModelDirectory.Load(settings.ModelDirectory, device);
        try
        {
            var recognizer = settings.WordRecognizer is { } dir ? WordRecognizer.Load(dir, device) : null;
            return new EvaluationModel(settings.ModelDirectory, settings.WordRecognizer, device, model, recognizer);
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>True when this is what <paramref name="settings"/> asks to evaluate.</summary>
    public bool Serves(EvaluateSettings settings) =>
        SamePath(Directory, settings.ModelDirectory) && SamePath(WordRecognizerDirectory, settings.WordRecognizer) &&
        DeviceResolver.Resolve(settings.Device).ToString() == Device.ToString();

    static bool SamePath(string? a, string? b) => a is null || b is null
        ? a is null && b is null
        : Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)) == Path.TrimEndingDirectorySeparator(Path.GetFullPath(b));

    public void Dispose()
    {
        Recognizer?.Dispose();
        Model.Dispose();
    }
}
