using ScoredQuestion = CharBert.Metrics.Squad.SquadExample;
using SquadMetrics = CharBert.Metrics.Squad.SquadMetrics;
using CharBert.Modeling;
using CharBert.Text.Featurization;
using CharBert.Text.Featurization.Squad;
using CharBert.Text.IO.Squad;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>SQuAD 1.1/2.0 extractive QA as run_squad.py: doc_stride windows (128), training labels from the first
/// gold answer, answers decoded from start/end logits over all windows of a question (n-best 20, max answer
/// length 30) and scored with the official EM/F1 against every gold answer. Metrics are fractions in [0, 1].</summary>
public sealed class SquadTask : IFineTuneTask
{
    sealed class Dataset(string path, IReadOnlyList<InputFeatures> features, IReadOnlyList<SquadExample> examples,
        IReadOnlyList<SquadInput> inputs, IReadOnlyList<IReadOnlyList<SquadWindow>> windows, bool versionTwo) : TaskDataset(path, features)
    {
        public IReadOnlyList<SquadExample> Examples { get; } = examples;
        public IReadOnlyList<SquadInput> Inputs { get; } = inputs;
        public IReadOnlyList<IReadOnlyList<SquadWindow>> Windows { get; } = windows;
        public bool VersionTwo { get; } = versionTwo;
    }

    public const int DocStride = 128;
    public const int MaxQueryLength = 64;
    readonly SquadFeaturizer _featurizer;
    readonly bool _lowerCase;

    public SquadTask(TextResources text, int maxSeqLength, bool lowerCase)
    {
        // the original's doc_stride 128 / max_query_length 64 assume max_seq_length 384; shorter sequences shrink both
        var query = Math.Min(MaxQueryLength, maxSeqLength / 4);
        var stride = Math.Min(DocStride, maxSeqLength - query - 3);
        _featurizer = new SquadFeaturizer(text.Tokenizer, text.Chars, maxSeqLength, stride, query, FeaturizationOptions.Original);
        _lowerCase = lowerCase;
    }

    public TaskSpec Spec { get; } = new(TaskKind.Squad);
    public TaskHeadKind Head => TaskHeadKind.QuestionAnswering;
    public IReadOnlyList<string> Labels { get; } = [];
    public int NumLabels => 2;

    public TaskDataset Load(string path, WordRewriter? recognizeWords = null)
    {
        using var reader = SquadReader.Open(path);
        var examples = reader.ReadExamples().ToList();
        var questions = Rewrite(examples.Select(e => e.Question).ToArray(), recognizeWords);
        var inputs = examples.Select((e, i) =>
        {
            var first = e.Answers.Count > 0 ? e.Answers[0] : null;
            return new SquadInput(questions[i], e.Context, first?.AnswerStart, first?.Text, e.IsImpossible || first is null);
        }).ToArray();
        var windows = inputs.Select((input, i) => _featurizer.Featurize(input, isTraining: true, i)).ToArray();
        var features = windows.SelectMany(w => w.Select(x => x.Features)).ToArray();
        var versionTwo = reader.Version?.Contains('2') == true || examples.Any(e => e.IsImpossible);
        return new Dataset(path, features, examples, inputs, windows, versionTwo);
    }

    /// <summary>Only questions are rewritten: rewriting the context would move the gold answer offsets.</summary>
    static string[] Rewrite(string[] texts, WordRewriter? recognizeWords) =>
        recognizeWords is null ? texts
            : recognizeWords(texts.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray()).Select(w => string.Join(' ', w)).ToArray();

    public TaskEvaluation Evaluate(ITaskModel model, TaskDataset data, Device device, int batchSize)
    {
        var dataset = (Dataset)data;
        var starts = new float[dataset.Features.Count][];
        var ends = new float[dataset.Features.Count][];
        Inference.Run(model, dataset.Features, device, batchSize, (output, indices) =>
        {
            var width = (int)output.StartLogits!.shape[1];
            var s = output.StartLogits.cpu().data<float>().ToArray();
            var e = output.EndLogits!.cpu().data<float>().ToArray();
            for (var r = 0; r < indices.Length; r++)
            {
                starts[indices[r]] = s[(r * width)..((r + 1) * width)];
                ends[indices[r]] = e[(r * width)..((r + 1) * width)];
            }
        });
        var options = new SquadDecodingOptions { LowerCase = _lowerCase, VersionTwoWithNegative = dataset.VersionTwo };
        var scored = new List<ScoredQuestion>();
        var rows = new List<PredictionRow>();
        var offset = 0;
        for (var i = 0; i < dataset.Examples.Count; i++)
        {
            var windows = dataset.Windows[i];
            var prediction = SquadAnswerDecoder.Decode(dataset.Inputs[i], windows,
                starts[offset..(offset + windows.Count)], ends[offset..(offset + windows.Count)], options);
            offset += windows.Count;
            var example = dataset.Examples[i];
            var gold = example.Answers.Select(a => a.Text).ToArray();
            scored.Add(new ScoredQuestion(example.Id, gold, prediction.Answer));
            rows.Add(new PredictionRow(example.Id, 0, example.Question, string.Join(" | ", gold), prediction.Answer));
        }
        var report = SquadMetrics.Evaluate(scored);
        return new TaskEvaluation(new Dictionary<string, double> { ["exact_match"] = report.ExactMatch / 100, ["f1"] = report.F1 / 100 }, rows);
    }
}
