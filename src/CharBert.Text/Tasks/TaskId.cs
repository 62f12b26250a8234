using CharBert.Text.IO.Tsv;
using System.Text.Json.Serialization;

namespace CharBert.Text.Tasks;

/// <summary>A task as named on the command line, in task.json/finetune.json and in manifests: ner | pos |
/// glue:&lt;name&gt; | squad | text. <see cref="Parse"/> is the one place such a name is read; <see cref="ToString"/>
/// gives it back as written (lower case), so stored names round-trip. <see cref="Format"/> says what its data is.</summary>
[JsonConverter(typeof(TaskIdJsonConverter))]
public sealed class TaskId : IEquatable<TaskId>
{
    const string GluePrefix = "glue:";

    /// <summary>Every valid value, for help texts and errors.</summary>
    public static string ValidValues => Describe(Enum.GetValues<TaskFamily>());

    /// <summary>The values of <paramref name="families"/>: "ner | pos | glue:&lt;name&gt; (qnli, mrpc, ...) | squad".</summary>
    public static string Describe(IEnumerable<TaskFamily> families) => string.Join(" | ", families.Order().Select(f => f == TaskFamily.Glue
        ? $"glue:<name> ({string.Join(", ", TrainableGlue.Select(l => l.Task))})"
        : f.ToString().ToLowerInvariant()));

    /// <summary>The GLUE layouts offered as tasks (CoLA's test layout is reachable by name only).</summary>
    static IEnumerable<TsvLayout> TrainableGlue => GlueLayouts.All.Where(l => l != GlueLayouts.ColaTest);

    public static TaskId Ner { get; } = new(TaskFamily.Ner, null, TaskFormat.Ner);
    public static TaskId Pos { get; } = new(TaskFamily.Pos, null, TaskFormat.Pos);
    public static TaskId Squad { get; } = new(TaskFamily.Squad, null, TaskFormat.Squad);
    public static TaskId Text { get; } = new(TaskFamily.Text, null, TaskFormat.Text);

    TaskId(TaskFamily family, string? glueName, TaskFormat format) => (Family, GlueName, Format) = (family, glueName, format);

    public TaskFamily Family { get; }

    /// <summary>The GLUE task's name as written (e.g. qnli, sst-2); null for other families.</summary>
    public string? GlueName { get; }

    /// <summary>What the task's files are: format, text fields, default metric and lengths.</summary>
    public TaskFormat Format { get; }

    /// <summary>The GLUE TSV layout (null for other families).</summary>
    public TsvLayout? GlueLayout => Format.Layout;

    /// <summary>ner and pos: CoNLL files with one token per line.</summary>
    public bool IsTokenLevel => Format.Words == WordGranularity.TokenLevel;

    /// <summary>The GLUE task <paramref name="name"/> (qnli, mrpc, cola, sst-2, rte, qqp; case and '-' ignored).</summary>
    public static TaskId Glue(string name) =>
        TryGlue(name.Trim().ToLowerInvariant(), out var task, out var error) ? task : throw new ArgumentException(error);

    /// <summary>Reads a task name (case and surrounding spaces ignored); throws <see cref="ArgumentException"/> with
    /// a message listing the valid values.</summary>
    public static TaskId Parse(string text) => TryParse(text, out var task, out var error) ? task : throw new ArgumentException(error);

    public static bool TryParse(string? text, out TaskId task, out string error)
    {
        var name = (text ?? "").Trim().ToLowerInvariant();
        error = "";
        switch (name)
        {
            case "ner": task = Ner; return true;
            case "pos": task = Pos; return true;
            case "squad": task = Squad; return true;
            case "text": task = Text; return true;
            case var glue when glue.StartsWith(GluePrefix, StringComparison.Ordinal):
                return TryGlue(glue[GluePrefix.Length..], out task, out error);
            default:
                task = Text;
                error = $"unknown task '{text}': use {ValidValues}";
                return false;
        }
    }

    static bool TryGlue(string name, out TaskId task, out string error)
    {
        var layout = GlueLayouts.Find(name);
        task = layout is null ? Text : new TaskId(TaskFamily.Glue, name, TaskFormat.Glue(layout));
        error = layout is null ? $"unknown GLUE task '{name}' in 'glue:{name}': known are {GlueLayouts.Names}" : "";
        return layout is not null;
    }

    /// <summary>Example values for shell completion: ner, pos, every known glue:&lt;name&gt;, squad, text.</summary>
    public static IReadOnlyList<TaskId> Examples { get; } =
        [Ner, Pos, .. TrainableGlue.Select(l => Glue(l.Task)), Squad, Text];

    public override string ToString() => Family == TaskFamily.Glue ? GluePrefix + GlueName : Family.ToString().ToLowerInvariant();

    public bool Equals(TaskId? other) => other is not null && other.Family == Family && other.GlueName == GlueName;
    public override bool Equals(object? obj) => Equals(obj as TaskId);
    public override int GetHashCode() => HashCode.Combine(Family, GlueName);
    public static bool operator ==(TaskId? a, TaskId? b) => a?.Equals(b) ?? b is null;
    public static bool operator !=(TaskId? a, TaskId? b) => !(a == b);
}
