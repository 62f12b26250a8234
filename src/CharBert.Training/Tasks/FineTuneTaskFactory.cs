using CharBert.Text.Tasks;

namespace CharBert.Training.Tasks;

public static class FineTuneTaskFactory
{
    /// <summary>The task object for <paramref name="spec"/>. Token tasks need their label list (from the
    /// training file, or from a fine-tuned model's task.json).
    /// <paramref name="padToLongest"/>: evaluation batches are sorted by length and cut to their longest sequence
    /// (token and GLUE tasks; SQuAD windows always fill max_seq_length).</summary>
    public static IFineTuneTask Create(TaskId spec, TextResources text, int maxSeqLength, IReadOnlyList<string>? labels, bool lowerCase,
        bool padToLongest = false) => spec.Family switch
    {
        TaskFamily.Ner or TaskFamily.Pos => new TokenTaggingTask(spec, text, maxSeqLength,
            labels ?? throw new ArgumentException($"task {spec} needs its label list")) { PadToLongest = padToLongest },
        TaskFamily.Glue => new GlueTask(spec, text, maxSeqLength) { PadToLongest = padToLongest },
        TaskFamily.Squad => new SquadTask(text, maxSeqLength, lowerCase),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };

    /// <summary>The task a fine-tuned model directory was trained for, featurised as it was (its finetune.json and
    /// vocabulary files).</summary>
    public static IFineTuneTask ForModel(string modelDirectory)
    {
        var metadata = TaskMetadata.Load(modelDirectory);
        return Create(metadata.Task, TextResources.Load(modelDirectory, metadata.LowerCase), metadata.MaxSeqLength,
            metadata.Labels, metadata.LowerCase, metadata.PadToLongest);
    }
}
