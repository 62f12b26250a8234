using CharBert.Metrics.Classification;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Text.IO;
using CharBert.Text.IO.Tsv;
using CharBert.Text.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>GLUE-style sentence(-pair) classification on TSV files (run_glue.py). Metrics follow the GLUE
/// convention: accuracy everywhere, plus F1 of label "1" for MRPC/QQP and Matthews correlation for CoLA.</summary>
public sealed class GlueTask : IFineTuneTask
{
    sealed class Dataset(string path, IReadOnlyList<InputFeatures> features, IReadOnlyList<TsvRecord> records)
        : TaskDataset(path, features)
    {
        public IReadOnlyList<TsvRecord> Records { get; } = records;
    }

    readonly TsvLayout layout;
    readonly SequenceFeaturizer featurizer;

    public GlueTask(TaskId spec, TextResources text, int maxSeqLength)
    {
        if (spec.Family != TaskFamily.Glue) throw new ArgumentException($"{spec} is not a GLUE task");
        Spec = spec;
        layout = spec.GlueLayout!;
        Labels = layout.LabelSet ?? throw new ArgumentException($"GLUE task '{spec.GlueName}' has no label set (regression is not supported)");
        featurizer = new SequenceFeaturizer(text.Tokenizer, text.Chars, maxSeqLength, FeaturizationOptions.Original);
    }

    public TaskId Spec { get; }
    public TaskHeadKind Head => TaskHeadKind.SequenceClassification;
    public IReadOnlyList<string> Labels { get; }
    public int NumLabels => Labels.Count;
    /// <summary>Evaluate on length-sorted batches cut to their longest sequence (as the model was trained).</summary>
    public bool PadToLongest { get; init; }

    public TaskDataset Load(string path, WordRewriter? recognizeWords = null)
    {
        using var reader = TsvReader.Open(path, layout);
        var records = reader.ReadRecords().ToList();
        var textA = Rewrite(records.Select(r => r.TextA).ToArray(), recognizeWords);
        var textB = Rewrite(records.Select(r => r.TextB ?? "").ToArray(), recognizeWords);
        var features = records.Select((r, i) => featurizer.Featurize(textA[i], r.TextB is null ? null : textB[i], LabelId(r, path), i)).ToList();
        return new Dataset(path, features, records);
    }

    /// <summary>Whitespace words through the recogniser and back (the WordPiece tokenizer re-splits punctuation anyway).</summary>
    static string[] Rewrite(string[] texts, WordRewriter? recognizeWords)
    {
        if (recognizeWords is null) return texts;
        var words = texts.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray();
        return recognizeWords(words).Select(w => string.Join(' ', w)).ToArray();
    }

    int? LabelId(TsvRecord record, string path)
    {
        if (record.Label is not { } label) return null;
        var id = Labels.ToList().IndexOf(label);
        return id >= 0 ? id : throw new DataFormatException(path, record.LineNumber, $"label '{label}' is not one of {string.Join(", ", Labels)}");
    }

    public TaskEvaluation Evaluate(ITaskModel model, TaskDataset data, Device device, int batchSize)
    {
        var dataset = (Dataset)data;
        var predicted = new int[dataset.Features.Count];
        Inference.Run(model, dataset.Features, device, batchSize, PadToLongest, (output, indices) =>
        {
            var rows = Inference.ArgMaxRows(output.Logits);
            for (var r = 0; r < indices.Length; r++) predicted[indices[r]] = rows[r][0];
        });
        var predictedLabels = predicted.Select(p => Labels[p]).ToArray();
        var rows = dataset.Records.Select((r, i) => new PredictionRow(r.Id ?? i.ToString(), 0,
            r.TextB is null ? r.TextA : $"{r.TextA} ||| {r.TextB}", r.Label ?? "", predictedLabels[i])).ToList();
        var metrics = new Dictionary<string, double>();
        if (dataset.Records.All(r => r.Label is not null) && dataset.Records.Count > 0)
        {
            var gold = dataset.Records.Select(r => r.Label!).ToArray();
            metrics["accuracy"] = ClassificationMetrics.Accuracy(gold, predictedLabels);
            if (layout.Task is "mrpc" or "qqp") metrics["f1"] = ClassificationMetrics.BinaryF1(gold, predictedLabels, "1");
            if (layout.Task is "cola") metrics["mcc"] = ClassificationMetrics.MatthewsCorrelation(gold, predictedLabels);
        }
        return new TaskEvaluation(metrics, rows);
    }
}
