using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Tsv;

namespace CharBert.Text.Tasks;

/// <summary>What a task's data is, as facts about its files: the format and reader settings (<see cref="Conll"/> for
/// CoNLL, <see cref="Layout"/> for GLUE TSV), which fields hold the text that attacks and models see, how its words look,
/// the metric results are usually reported with, and the original scripts' max_seq_length and batch size.</summary>
public sealed record TaskFormat(
    TaskFileFormat File,
    WordGranularity Words,
    IReadOnlyList<string> TextFields,
    string? DefaultMetric,
    int DefaultMaxSeqLength,
    int DefaultBatchSize,
    ConllOptions? Conll = null,
    TsvLayout? Layout = null)
{
    /// <summary>run_ner.py / run_glue.py: max_seq_length 128, per-device batch 32.</summary>
    const int SentenceMaxSeqLength = 128, SentenceBatchSize = 32;

    /// <summary>run_squad.py: max_seq_length 384, per-device batch 16.</summary>
    const int SquadMaxSeqLength = 384, SquadBatchSize = 16;

    /// <summary>NER: the label is the last column (conlleval); entity F1 is the metric.</summary>
    public static TaskFormat Ner { get; } = new(TaskFileFormat.Conll, WordGranularity.TokenLevel, ["token (column 0)"], "f1",
        SentenceMaxSeqLength, SentenceBatchSize, ConllOptions.Default);

    /// <summary>POS: the label is column 1 (the POS column of CoNLL-2003, the tag of 2-column files); token accuracy.</summary>
    public static TaskFormat Pos { get; } = new(TaskFileFormat.Conll, WordGranularity.TokenLevel, ["token (column 0)"], "accuracy",
        SentenceMaxSeqLength, SentenceBatchSize, new ConllOptions { LabelColumnIndex = 1 });

    public static TaskFormat Squad { get; } = new(TaskFileFormat.SquadJson, WordGranularity.Sentence, ["question", "context"], "f1",
        SquadMaxSeqLength, SquadBatchSize);

    /// <summary>Plain text: every line is text; nothing is predicted, so there is no metric.</summary>
    public static TaskFormat Text { get; } = new(TaskFileFormat.PlainText, WordGranularity.Sentence, ["line"], null,
        SentenceMaxSeqLength, SentenceBatchSize);

    /// <summary>A GLUE task: its text_a (and text_b) columns; the GLUE benchmark's metric (Matthews correlation for
    /// CoLA, F1 for MRPC and QQP, accuracy otherwise).</summary>
    public static TaskFormat Glue(TsvLayout layout) => new(TaskFileFormat.GlueTsv, WordGranularity.Sentence,
        layout.TextB is { } b ? [layout.TextA.ToString(), b.ToString()] : [layout.TextA.ToString()],
        layout.Task switch { "cola" => "mcc", "mrpc" or "qqp" => "f1", _ => "accuracy" },
        SentenceMaxSeqLength, SentenceBatchSize, Layout: layout);
}
