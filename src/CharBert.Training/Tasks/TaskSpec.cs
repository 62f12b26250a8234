namespace CharBert.Training.Tasks;

public enum TaskKind { Ner, Pos, Glue, Squad }

/// <summary>A fine-tuning task as named on the command line: ner, pos, glue:&lt;name&gt; or squad.</summary>
public sealed record TaskSpec(TaskKind Kind, string? GlueName = null)
{
    public static TaskSpec Parse(string text)
    {
        var lower = text.Trim().ToLowerInvariant();
        return lower switch
        {
            "ner" => new TaskSpec(TaskKind.Ner),
            "pos" => new TaskSpec(TaskKind.Pos),
            "squad" => new TaskSpec(TaskKind.Squad),
            _ when lower.StartsWith("glue:", StringComparison.Ordinal) && lower.Length > 5 => new TaskSpec(TaskKind.Glue, lower[5..]),
            _ => throw new ArgumentException($"unknown task '{text}'; use ner, pos, glue:<name> (e.g. glue:qnli) or squad"),
        };
    }

    /// <summary>The original scripts' max_seq_length: 384 for SQuAD, 128 otherwise.</summary>
    public int DefaultMaxSeqLength => Kind == TaskKind.Squad ? 384 : 128;

    /// <summary>The original scripts' per-device train batch size: 16 for SQuAD, 32 otherwise.</summary>
    public int DefaultBatchSize => Kind == TaskKind.Squad ? 16 : 32;

    public override string ToString() => Kind == TaskKind.Glue ? $"glue:{GlueName}" : Kind.ToString().ToLowerInvariant();
}
