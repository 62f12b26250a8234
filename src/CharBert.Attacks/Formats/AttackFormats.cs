using CharBert.Text.IO;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>Format options a task may use: CoNLL <see cref="Tokens"/>, TSV <see cref="Columns"/>, SQuAD target and
/// answer protection. Options a task does not use are ignored.</summary>
public sealed record AttackFormatOptions
{
    public ConllTokenFilter Tokens { get; init; } = ConllTokenFilter.All;
    public IReadOnlyList<string>? Columns { get; init; }
    public SquadTarget SquadTarget { get; init; } = SquadTarget.Questions;
    public bool ProtectAnswers { get; init; }
}

/// <summary>The attack format of each task: ner and pos read CoNLL, glue:&lt;name&gt; GLUE TSV, squad SQuAD JSON, text
/// plain text (by the task's <see cref="TaskFormat.File"/>).</summary>
public static class AttackFormats
{
    public static IAttackFormat ForTask(TaskId task, AttackFormatOptions? options = null)
    {
        options ??= new AttackFormatOptions();
        if (options.Tokens != ConllTokenFilter.All && task.Family != TaskFamily.Ner)
            throw new ArgumentException("--tokens entities/non-entities needs NER labels (--task ner)");
        return task.Format.File switch
        {
            TaskFileFormat.Conll => new ConllAttackFormat(options.Tokens),
            TaskFileFormat.SquadJson => new SquadAttackFormat(options.SquadTarget, options.ProtectAnswers),
            TaskFileFormat.PlainText => new TextAttackFormat(),
            TaskFileFormat.GlueTsv => new TsvAttackFormat(task.GlueLayout!, options.Columns),
            var other => throw new ArgumentOutOfRangeException(nameof(task), other, null),
        };
    }

    /// <summary>Every record of a file, in file order, read through <paramref name="format"/> (for small files that a
    /// caller wants in memory: sensitivity, word-recogniser training).</summary>
    public static IReadOnlyList<Generation.AttackRecordInput> ReadRecords(IAttackFormat format, string path)
    {
        using var stream = InputFile.OpenRead(path);
        using var reader = format.Open(stream, path);
        var records = new List<Generation.AttackRecordInput>();
        while (reader.Read() is { } chunk)
            using (chunk) records.AddRange(chunk.Records.ToInputs());
        return records;
    }
}
