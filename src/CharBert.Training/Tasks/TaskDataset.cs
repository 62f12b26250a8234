using CharBert.Text.Featurization;

namespace CharBert.Training.Tasks;

/// <summary>A data file read and featurised for one task. Each task subclasses it to keep the raw examples
/// it needs to turn model outputs back into predictions.</summary>
public abstract class TaskDataset(string path, IReadOnlyList<InputFeatures> features)
{
    public string Path { get; } = path;
    public IReadOnlyList<InputFeatures> Features { get; } = features;
    /// <summary>CoNLL token lines read leniently (extra fields; see ConllOptions.LenientColumns).</summary>
    public int LenientLines { get; init; }
}
