using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;

namespace CharBert.Experiments;

/// <summary>A task's data file read through the attack library's formats (the ones `charbert attack` reads and writes):
/// CoNLL for ner and pos (a record per sentence), GLUE TSV for glue:&lt;name&gt; (a record per text field).</summary>
public static class TaskDocuments
{
    /// <param name="task">ner | pos | glue:&lt;name&gt; (the CLI's --task).</param>
    public static IReadOnlyList<AttackRecordInput> Records(string task, string path) =>
        task is "ner" or "pos" || task.StartsWith("glue:", StringComparison.Ordinal)
            ? AttackFormats.ReadRecords(AttackFormats.ForTask(task), path)
            : throw new ArgumentException($"--task must be ner, pos or glue:<name>, not '{task}'");

    /// <summary>The words of every record, in file order.</summary>
    public static IReadOnlyList<string[]> Sentences(string task, string path) =>
        Records(task, path).Select(r => r.Words.ToArray()).ToList();
}
