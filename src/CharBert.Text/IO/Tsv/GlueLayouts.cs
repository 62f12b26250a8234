namespace CharBert.Text.IO.Tsv;

/// <summary>The GLUE task files as distributed (train/dev; the headered ones also read their test files,
/// which lack the label column).</summary>
public static class GlueLayouts
{
    static readonly string[] Entailment = ["entailment", "not_entailment"];
    static readonly string[] Binary = ["0", "1"];

    public static TsvLayout Qnli { get; } = new("qnli", true, TsvColumn.Named("question"), TsvColumn.Named("sentence"),
        TsvColumn.Named("label"), TsvColumn.Named("index"), Entailment);

    public static TsvLayout Mrpc { get; } = new("mrpc", true, TsvColumn.Named("#1 String"), TsvColumn.Named("#2 String"),
        TsvColumn.Named("Quality"), TsvColumn.Named("#1 ID"), Binary);

    /// <summary>CoLA train/dev have no header: source, label, original-label mark, sentence.</summary>
    public static TsvLayout Cola { get; } = new("cola", false, TsvColumn.At(3), null, TsvColumn.At(1), TsvColumn.At(0), Binary);

    /// <summary>CoLA test has a header: index, sentence.</summary>
    public static TsvLayout ColaTest { get; } = new("cola-test", true, TsvColumn.Named("sentence"), null, null, TsvColumn.Named("index"));

    public static TsvLayout Sst2 { get; } = new("sst-2", true, TsvColumn.Named("sentence"), null,
        TsvColumn.Named("label"), TsvColumn.Named("index"), Binary);

    public static TsvLayout Rte { get; } = new("rte", true, TsvColumn.Named("sentence1"), TsvColumn.Named("sentence2"),
        TsvColumn.Named("label"), TsvColumn.Named("index"), Entailment);

    public static TsvLayout Qqp { get; } = new("qqp", true, TsvColumn.Named("question1"), TsvColumn.Named("question2"),
        TsvColumn.Named("is_duplicate"), TsvColumn.Named("id"), Binary);

    public static IReadOnlyList<TsvLayout> All { get; } = [Qnli, Mrpc, Cola, ColaTest, Sst2, Rte, Qqp];

    /// <summary>The known task names, for messages.</summary>
    public static string Names => string.Join(", ", All.Select(l => l.Task));

    /// <summary>The layout named <paramref name="task"/> (case and '-' ignored: sst2 is sst-2), or null.</summary>
    public static TsvLayout? Find(string task) =>
        All.FirstOrDefault(l => string.Equals(l.Task, task, StringComparison.OrdinalIgnoreCase)
                                || string.Equals(l.Task.Replace("-", ""), task.Replace("-", ""), StringComparison.OrdinalIgnoreCase));

    public static TsvLayout ByName(string task) =>
        Find(task) ?? throw new ArgumentException($"unknown GLUE task '{task}'; known: {Names}");
}
