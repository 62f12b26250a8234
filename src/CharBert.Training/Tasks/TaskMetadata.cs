using CharBert.Text.Tasks;
using CharBert.Training.Runs;

namespace CharBert.Training.Tasks;

/// <summary>finetune.json in a fine-tuned model directory (beside ModelDirectory's task.json): what `charbert evaluate`
/// needs to rebuild the task's featurisation. <see cref="PadToLongest"/>: the model was trained on batches cut to their
/// longest sequence, and is evaluated the same way (absent in older files: false).</summary>
public sealed record TaskMetadata(TaskId Task, IReadOnlyList<string> Labels, int MaxSeqLength, bool LowerCase, bool PadToLongest = false)
{
    public const string FileName = "finetune.json";

    public void Save(string modelDirectory) => JsonFiles.Write(Path.Combine(modelDirectory, FileName), this);

    /// <summary>Throws unless the model was fine-tuned for <paramref name="spec"/>.</summary>
    public void RequireTask(TaskId spec, string modelDirectory)
    {
        if (spec != Task)
            throw new ArgumentException($"{modelDirectory} was fine-tuned for {Task}, not {spec}");
    }

    public static TaskMetadata Load(string modelDirectory)
    {
        var path = Path.Combine(modelDirectory, FileName);
        if (!File.Exists(path))
        {
            var inRun = Path.Combine(modelDirectory, RunFiles.Model);
            throw new FileNotFoundException($"{path} not found: {modelDirectory} is not a fine-tuned model directory written by `charbert finetune`" +
                (File.Exists(Path.Combine(inRun, FileName)) ? $" (it is a run directory: use --model {inRun})" : ""), path);
        }
        return JsonFiles.Read<TaskMetadata>(path);
    }
}
