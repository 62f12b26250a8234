using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Text.Tasks;

namespace CharBert.Experiments;

/// <summary>A task's data file read through the attack library's formats (the ones `charbert attack` reads and writes):
/// CoNLL for ner and pos (a record per sentence), GLUE TSV for glue:&lt;name&gt; (a record per text field).</summary>
public static class TaskDocuments
{
    /// <param name="task">ner | pos | glue:&lt;name&gt;.</param>
    public static IReadOnlyList<AttackRecordInput> Records(TaskId task, string path) =>
        task.Family is TaskFamily.Ner or TaskFamily.Pos or TaskFamily.Glue
            ? AttackFormats.ReadRecords(AttackFormats.ForTask(task), path)
            : throw new ArgumentException($"--task must be ner, pos or glue:<name>, not '{task}'");

    /// <summary>The words of every record, in file order.</summary>
    public static IReadOnlyList<string[]> Sentences(TaskId task, string path) =>
        Records(task, path).Select(r => r.Words.ToArray()).ToList();
}
