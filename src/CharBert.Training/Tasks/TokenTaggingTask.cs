using CharBert.Metrics.Analysis;
using CharBert.Metrics.Classification;
using CharBert.Metrics.Sequence;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Text.IO;
using CharBert.Text.IO.Conll;
using CharBert.Text.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>NER (entity P/R/F1, conlleval chunking) and POS (token accuracy) on CoNLL files, featurised as the
/// original run_ner.py: the first sub-token of each word carries its label, the others are ignored.</summary>
public sealed class TokenTaggingTask : IFineTuneTask
{
    sealed class Dataset(string path, IReadOnlyList<InputFeatures> features, IReadOnlyList<ConllSentence> sentences)
        : TaskDataset(path, features)
    {
        public IReadOnlyList<ConllSentence> Sentences { get; } = sentences;
        /// <summary>The words as featurised (after any word recogniser).</summary>
        public required string[][] Words { get; init; }
    }

    readonly NerFeaturizer featurizer;
    readonly ConllOptions conll;

    public TokenTaggingTask(TaskId spec, TextResources text, int maxSeqLength, IReadOnlyList<string> labels)
    {
        if (spec.Family is not (TaskFamily.Ner or TaskFamily.Pos)) throw new ArgumentException($"{spec} is not a token tagging task");
        Spec = spec;
        Labels = labels;
        conll = spec.Format.Conll!;
        featurizer = new NerFeaturizer(text.Tokenizer, text.Chars, maxSeqLength, labels, FeaturizationOptions.Fixed);
    }

    public TaskId Spec { get; }
    public TaskHeadKind Head => TaskHeadKind.TokenClassification;
    public IReadOnlyList<string> Labels { get; }
    public int NumLabels => Labels.Count;
    /// <summary>Evaluate on length-sorted batches cut to their longest sequence (as the model was trained).</summary>
    public bool PadToLongest { get; init; }

    /// <summary>The label set of a training file: "O" first when present, then the others in ordinal order.</summary>
    public static IReadOnlyList<string> LabelsOf(string path, TaskId spec)
    {
        using var reader = ConllReader.Open(path, spec.Format.Conll!);
        var labels = reader.ReadSentences().SelectMany(s => s.Labels).ToHashSet(StringComparer.Ordinal);
        if (labels.Count == 0) throw new DataFormatException(path, 0, "no labelled tokens found");
        return labels.OrderBy(l => l == "O" ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal).ToArray();
    }

    public TaskDataset Load(string path, WordRewriter? recognizeWords = null) => Load(path, recognizeWords, lenientColumns: false);

    /// <summary>With <paramref name="lenientColumns"/> token lines with extra fields are read as the original reader does
    /// (<see cref="ConllOptions.LenientColumns"/>); the dataset's <see cref="TaskDataset.LenientLines"/> counts them.</summary>
    public TaskDataset Load(string path, WordRewriter? recognizeWords, bool lenientColumns)
    {
        using var reader = ConllReader.Open(path, conll with { LenientColumns = lenientColumns });
        var sentences = reader.ReadSentences().ToList();
        var words = sentences.Select(s => s.Words.ToArray()).ToArray();
        if (recognizeWords is not null) words = recognizeWords(words);
        var features = new List<InputFeatures>(sentences.Count);
        foreach (var (sentence, index) in sentences.Select((s, i) => (s, i)))
        {
            // A gold label the training file never had (a rare tag in a dev/test file) cannot be predicted: it stays in
            // the gold labels the metrics read, so it counts as an error, and only the features carry a stand-in.
            var featureLabels = sentence.Labels.Select(l => Labels.Contains(l) ? l : Labels[0]).ToArray();
            features.Add(featurizer.Featurize(words[index], featureLabels, index));
        }
        return new Dataset(path, features, sentences) { Words = words, LenientLines = reader.LenientLines };
    }

    /// <summary>How this task's tokenizer splits the words of a CoNLL file: split words, and for NER the gold entities
    /// with a split word and the split words inside entities (the corpus side of the word-vs-subword analysis).</summary>
    public SubwordSplitStatistics SplitStatistics(string path)
    {
        using var reader = ConllReader.Open(path, conll);
        var sentences = reader.ReadSentences().ToList();
        var subwordsPerWord = SubwordsPerWord(sentences.Select(s => s.Words.ToArray()).ToArray());
        return SubwordSplitAnalysis.Statistics(subwordsPerWord, Spec.Family == TaskFamily.Ner ? sentences.Select(s => s.Labels).ToList() : null);
    }

    List<IReadOnlyList<int>> SubwordsPerWord(string[][] words) =>
        words.Select(w => (IReadOnlyList<int>)featurizer.TokenizeWords(w).Select(p => p.Count).ToArray()).ToList();

    public TaskEvaluation Evaluate(ITaskModel model, TaskDataset data, Device device, int batchSize)
    {
        var dataset = (Dataset)data;
        var predictedIds = new int[dataset.Features.Count][];
        Inference.Run(model, dataset.Features, device, batchSize, PadToLongest, (output, indices) =>
        {
            var rows = Inference.ArgMaxRows(output.Logits);
            for (var r = 0; r < indices.Length; r++) predictedIds[indices[r]] = rows[r];
        });
        var gold = new List<IReadOnlyList<string>>();
        var predicted = new List<IReadOnlyList<string>>();
        var rowsOut = new List<PredictionRow>();
        for (var s = 0; s < dataset.Sentences.Count; s++)
        {
            var sentence = dataset.Sentences[s];
            // words cut off by max_seq_length get "O", as the original's evaluation effectively does
            var words = featurizer.MapPredictionsToWords(dataset.Words[s], predictedIds[s]).Select(p => p ?? "O").ToArray();
            gold.Add(sentence.Labels);
            predicted.Add(words);
            for (var w = 0; w < words.Length; w++)
                rowsOut.Add(new PredictionRow(s.ToString(), w, sentence.Words[w], sentence.Labels[w], words[w]));
        }
        Dictionary<string, double> metrics;
        // The paper's word-vs-subword breakdown: words the tokenizer keeps whole vs words it splits (as evaluated).
        var subwordsPerWord = SubwordsPerWord(dataset.Words);
        string splitMetric;
        WordSplitScores split;
        if (Spec.Family == TaskFamily.Pos) // POS tags are not chunk tags: plain token accuracy
        {
            metrics = new() { ["accuracy"] = ClassificationMetrics.Accuracy(gold.SelectMany(g => g).ToList(), predicted.SelectMany(p => p).ToList()) };
            (splitMetric, split) = ("accuracy", SubwordSplitAnalysis.TokenAccuracy(subwordsPerWord, gold, predicted));
        }
        else
        {
            var report = SpanMetrics.Evaluate(gold, predicted);
            metrics = new()
            {
                ["precision"] = report.Overall.Precision, ["recall"] = report.Overall.Recall, ["f1"] = report.Overall.F1,
                ["accuracy"] = report.TokenAccuracy,
            };
            (splitMetric, split) = ("f1", SubwordSplitAnalysis.EntityF1(subwordsPerWord, gold, predicted));
        }
        if (split.WholeItems > 0) metrics[splitMetric + ".word"] = split.Whole;
        if (split.SplitItems > 0) metrics[splitMetric + ".subword"] = split.Split;
        return new TaskEvaluation(metrics, rowsOut);
    }
}
