using System.Globalization;
using CharBert.Experiments.Results;
using CharBert.Experiments.Specs;

namespace CharBert.Experiments.Ablation;

/// <summary>An attacked copy of a task's test set, produced by the attack step.</summary>
public sealed record AttackedTestSet(string Attack, double Rate, string Path, bool LenientColumns = false, bool IsExtra = false)
{
    /// <summary>"attack@rate" (same text as the attack folder); an extra test set's own name.</summary>
    public string Name => IsExtra ? Attack : string.Create(CultureInfo.InvariantCulture, $"{Attack}@{Rate:0.###}");
    /// <summary><see cref="Name"/> as a folder name (no '@').</summary>
    public string FolderName => Name.Replace('@', '-');
}

/// <summary>What the steps of one cell share: the spec, the cell, its folders, the artefacts earlier steps
/// produced, and the result rows collected so far (written to summary.csv only when every step finished).</summary>
public sealed class CellContext(ExperimentSpec spec, GridCell cell, string runDir, PretrainPlan pretrain)
{
    readonly List<ResultRow> rows = [];

    public ExperimentSpec Spec { get; } = spec;
    public GridCell Cell { get; } = cell;
    /// <summary>results/&lt;experiment&gt;/runs/&lt;variant&gt;/seed-&lt;s&gt;/&lt;task&gt;: this cell's own folder.</summary>
    public string RunDir { get; } = runDir;
    /// <summary>The pre-training run this cell starts from (shared by the tasks of a variant and seed, or of a variant
    /// when the spec has a pretrain_seed, or with another variant).</summary>
    public PretrainPlan Pretrain { get; } = pretrain;
    /// <summary>results/&lt;experiment&gt;/runs/&lt;variant&gt;/[seed-&lt;s&gt;/]pretrain.</summary>
    public string PretrainDir => Pretrain.Directory;
    /// <summary>This task's max_seq_length (the task's own, else the spec's).</summary>
    public int MaxSeqLength => Cell.Task.MaxSeqLength ?? Spec.Training.MaxSeqLength;

    /// <summary>Model folder fine-tuning starts from (set by the pre-train step, or the spec's pretrained checkpoint).</summary>
    public string? PretrainedModelDir { get; set; }
    public string? FinetunedModelDir { get; set; }
    /// <summary>The config.json fine-tuning builds the variant from (its preset or checkpoint config with the variant's
    /// switches, initialised from <see cref="PretrainedModelDir"/>'s weights where they fit); null when
    /// <see cref="PretrainedModelDir"/> was pre-trained here and so already has the variant's architecture.</summary>
    public string? FinetuneConfig { get; set; }
    /// <summary>The ScRNN word recogniser put in front of a bert+wordrec model (set by the word-recogniser step).</summary>
    public string? WordRecognizerDir { get; set; }
    /// <summary>results/&lt;experiment&gt;: where experiment-wide files (summary.csv, subword-split.csv) live.</summary>
    public required string ResultsDir { get; init; }
    /// <summary>results/&lt;experiment&gt;/attacks/&lt;task&gt;: attacked test sets, shared by every variant and seed.</summary>
    public string AttacksDir { get; init; } = Path.Combine(runDir, "attacks");
    public List<AttackedTestSet> AttackedTestSets { get; } = [];
    /// <summary>The task's extra test sets (e.g. the authors' attacked files), evaluated only.</summary>
    public List<AttackedTestSet> ExtraTestSets { get; } = [];

    public IReadOnlyList<ResultRow> Rows => rows;

    public string DataPath(string relative) => Path.GetFullPath(Path.Combine(Spec.DataRoot, relative));

    public void AddResult(string metric, double value, AttackedTestSet? attacked = null) =>
        rows.Add(new ResultRow(Cell.Variant, Cell.Seed, Cell.TaskName, attacked?.Name ?? "clean",
            attacked?.Attack ?? ResultRow.NoAttack, attacked?.Rate ?? 0, metric, value));
}
