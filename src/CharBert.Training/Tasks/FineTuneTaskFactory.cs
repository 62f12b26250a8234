namespace CharBert.Training.Tasks;

public static class FineTuneTaskFactory
{
    /// <summary>The task object for <paramref name="spec"/>. Token tasks need their label list (from the
    /// training file, or from a fine-tuned model's task.json).</summary>
    public static IFineTuneTask Create(TaskSpec spec, TextResources text, int maxSeqLength, IReadOnlyList<string>? labels, bool lowerCase) => spec.Kind switch
    {
        TaskKind.Ner or TaskKind.Pos => new TokenTaggingTask(spec, text, maxSeqLength,
            labels ?? throw new ArgumentException($"task {spec} needs its label list")),
        TaskKind.Glue => new GlueTask(spec, text, maxSeqLength),
        TaskKind.Squad => new SquadTask(text, maxSeqLength, lowerCase),
        _ => throw new ArgumentOutOfRangeException(nameof(spec)),
    };
}
