using CharBert.Text.IO;
using CharBert.Text.IO.Tsv;

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

/// <summary>The attack format of each task name (the CLI's <c>--task</c>): ner and pos read CoNLL, glue:&lt;name&gt; GLUE
/// TSV, squad SQuAD JSON, text plain text. The one place that maps task names to formats (until a typed task
/// registry takes over).</summary>
public static class AttackFormats
{
    public const string TaskNames = "ner | pos | glue:<name> (qnli, mrpc, cola, sst-2, rte, qqp) | squad | text";

    public static IAttackFormat ForTask(string task, AttackFormatOptions? options = null)
    {
        options ??= new AttackFormatOptions();
        switch (task)
        {
            case "ner":
                return new ConllAttackFormat(options.Tokens);
            case "pos":
                if (options.Tokens != ConllTokenFilter.All) throw new ArgumentException("--tokens entities/non-entities needs NER labels (--task ner)");
                return new ConllAttackFormat();
            case "squad":
                return new SquadAttackFormat(options.SquadTarget, options.ProtectAnswers);
            case "text":
                return new TextAttackFormat();
            case var glue when glue.StartsWith("glue:", StringComparison.Ordinal):
                return new TsvAttackFormat(GlueLayouts.ByName(glue["glue:".Length..]), options.Columns);
            default:
                throw new ArgumentException($"unknown task '{task}': use {TaskNames}");
        }
    }

    /// <summary>Every record of a file, in file order, read through <paramref name="format"/> (for small files that a
    /// caller wants in memory: sensitivity, word-recogniser training).</summary>
    public static IReadOnlyList<Generation.AttackRecordInput> ReadRecords(IAttackFormat format, string path)
    {
        using var stream = InputFile.OpenRead(path);
        using var reader = format.Open(stream, path);
        var records = new List<Generation.AttackRecordInput>();
        while (reader.Read() is { } chunk)
            using (chunk) records.AddRange(chunk.Records);
        return records;
    }
}
