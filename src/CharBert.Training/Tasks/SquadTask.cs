using CharBert.Text.Tasks;
using ScoredQuestion = CharBert.Metrics.Squad.SquadExample;
using SquadMetrics = CharBert.Metrics.Squad.SquadMetrics;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Text.Featurization.Squad;
using CharBert.Text.IO.Squad;
using static TorchSharp.torch;

namespace CharBert.Training.Tasks;

/// <summary>SQuAD 1.1/2.0 extractive QA as run_squad.py: training labels from the first gold answer, answers from
/// <see cref="SquadAnswerer"/> (doc_stride windows, decoded over all windows of a question) scored with the official
/// EM/F1 against every gold answer. Metrics are fractions in [0, 1].</summary>
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

    readonly SquadAnswerer answerer;

    public SquadTask(TextResources text, int maxSeqLength, bool lowerCase) => answerer = new SquadAnswerer(text, maxSeqLength, lowerCase);

    public TaskId Spec => TaskId.Squad;
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
        var windows = inputs.Select((input, i) => answerer.Featurizer.Featurize(input, isTraining: true, i)).ToArray();
        var features = windows.SelectMany(w => w.Select(x => x.Features)).ToArray();
        return new Dataset(path, features, examples, inputs, windows, SquadAnswerer.IsVersionTwo(reader.Version, examples));
    }

    /// <summary>Only questions are rewritten: rewriting the context would move the gold answer offsets.</summary>
    static string[] Rewrite(string[] texts, WordRewriter? recognizeWords) =>
        recognizeWords is null ? texts
            : recognizeWords(texts.Select(t => t.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray()).Select(w => string.Join(' ', w)).ToArray();

    public TaskEvaluation Evaluate(ITaskModel model, TaskDataset data, Device device, int batchSize)
    {
        var dataset = (Dataset)data;
        var predictions = answerer.Answer(model, dataset.Inputs, dataset.Windows, dataset.VersionTwo, device, batchSize);
        var scored = new List<ScoredQuestion>();
        var rows = new List<PredictionRow>();
        for (var i = 0; i < dataset.Examples.Count; i++)
        {
            var example = dataset.Examples[i];
            var gold = example.Answers.Select(a => a.Text).ToArray();
            scored.Add(new ScoredQuestion(example.Id, gold, predictions[i].Answer));
            rows.Add(new PredictionRow(example.Id, 0, example.Question, string.Join(" | ", gold), predictions[i].Answer));
        }
        var report = SquadMetrics.Evaluate(scored);
        return new TaskEvaluation(new Dictionary<string, double> { ["exact_match"] = report.ExactMatch / 100, ["f1"] = report.F1 / 100 }, rows);
    }
}
