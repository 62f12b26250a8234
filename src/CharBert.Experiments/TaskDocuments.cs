using CharBert.Attacks.Formats;
using CharBert.Text.IO.Tsv;

namespace CharBert.Experiments;

/// <summary>A task's data file read through the attack library's readers (the formats `charbert attack` reads and writes):
/// CoNLL for ner and pos, GLUE TSV for glue:&lt;name&gt; (a record's sentences form one word list).</summary>
public static class TaskDocuments
{
    /// <param name="task">ner | pos | glue:&lt;name&gt; (the CLI's --task).</param>
    public static IAttackDocument Load(string task, string path) => task switch
    {
        "ner" or "pos" => ConllAttackDocument.Load(path),
        _ when task.StartsWith("glue:", StringComparison.Ordinal) => TsvAttackDocument.Load(path, GlueLayouts.ByName(task["glue:".Length..])),
        _ => throw new ArgumentException($"--task must be ner, pos or glue:<name>, not '{task}'"),
    };

    /// <summary>The words of every record, in file order.</summary>
    public static IReadOnlyList<string[]> Sentences(string task, string path) =>
        Load(task, path).Records.Select(r => r.Words.ToArray()).ToList();
}
