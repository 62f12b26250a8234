using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Recipes;
using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Text.IO;
using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Squad;
using CharBert.Text.IO.Tsv;
using CharBert.Text.Tasks;
using CharBert.Training.Tasks;
using CharBert.Training.WordRecognition;
using static TorchSharp.torch;
using SquadMetrics = CharBert.Metrics.Squad.SquadMetrics;

namespace CharBert.Training.Adversarial;

/// <summary>The outcome of one adversarial run: per-example results and the corpus summary.</summary>
public sealed record AdversarialRun(IReadOnlyList<AdversarialResult> Results, AdversarialSummary Summary);

/// <summary>`charbert attack adversarial --model DIR`: Pruthi et al.'s greedy k-character search (pruthi2019
/// candidates) against a fine-tuned model, optionally through a ScRNN word recogniser.</summary>
/// <remarks>GLUE-style classification
/// attacks text_a (or text_b) and succeeds when the class flips; NER/POS taggers succeed when any gold entity
/// (non-"O") word gets another label; SQuAD attacks the question (the context stays fixed: attacking it would move
/// the gold answer offsets) and succeeds when the answer's official F1 falls to <see cref="AdversarialSettings.QaSuccessF1"/>.
/// SQuAD 2.0 unanswerable questions are attacked too, scored as the official script does: F1 is 1 while the model
/// abstains and 0 once it gives any answer.</remarks>
public static class AdversarialRunner
{
    /// <summary>What the search attacks: the target, each example's words and goal, and how words are split.</summary>
    sealed record Plan(IAttackTarget Target, IReadOnlyList<(AttackInput Input, IAttackGoal Goal)> Examples,
        WordGranularity WordKind, string QualityMetric);

    /// <param name="progress">Called after each example with (examples done, examples in all).</param>
    public static AdversarialRun Run(AdversarialSettings settings, Action<int, int>? progress = null)
    {
        var metadata = TaskMetadata.Load(settings.ModelDirectory);
        var spec = metadata.Task;
        if (settings.Task is { } task) metadata.RequireTask(task, settings.ModelDirectory);
        if (settings.AttackSecondSegment && spec.Family != TaskFamily.Glue)
            throw new ArgumentException($"attacking the second segment applies to GLUE pair tasks, not {metadata.Task}");
        var recipe = new Pruthi2019Recipe(types: settings.Types);
        if (!File.Exists(settings.Input)) throw new FileNotFoundException($"input file not found: {settings.Input}", settings.Input);

        var text = TextResources.Load(settings.ModelDirectory, metadata.LowerCase);
        var device = DeviceResolver.Resolve(settings.Device);
        using var model = ModelDirectory.Load(settings.ModelDirectory, device);
        using var recognizer = settings.WordRecognizer is { } directory ? WordRecognizer.Load(directory, device) : null;
        var defence = recognizer is null ? null : new ScrnnDefence(recognizer);

        var plan = spec.Family switch
        {
            TaskFamily.Glue => Classification(model, text, metadata, spec, settings, device, defence),
            TaskFamily.Ner or TaskFamily.Pos => Tagging(model, text, metadata, spec, settings, device),
            TaskFamily.Squad => QuestionAnswering(model, text, metadata, settings, device),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), $"no adversarial target for {metadata.Task}"),
        };
        var search = new GreedyCharAttack(plan.Target, recipe.AdversarialCandidates, settings.Search with { Words = plan.WordKind }, defence);
        var results = new List<AdversarialResult>(plan.Examples.Count);
        foreach (var (input, goal) in plan.Examples)
        {
            results.Add(search.Attack(input, goal));
            progress?.Invoke(results.Count, plan.Examples.Count);
        }
        var defenceName = settings.WordRecognizer is { } dir ? Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir))) : null;
        return new AdversarialRun(results, AdversarialSummary.Of(results, plan.QualityMetric, defenceName));
    }

    static Plan Classification(ITaskModel model, TextResources text, TaskMetadata metadata, TaskId spec, AdversarialSettings settings,
        Device device, IWordRecognizer? defence)
    {
        var featurizer = new SequenceFeaturizer(text.Tokenizer, text.Chars, metadata.MaxSeqLength, FeaturizationOptions.Original);
        using var reader = TsvReader.Open(settings.Input, spec.GlueLayout!);
        if (!reader.Schema.HasLabels) throw new ArgumentException($"{settings.Input} has no label column: the search needs gold labels");
        var second = settings.AttackSecondSegment;
        if (second && reader.Schema.TextB is null) throw new ArgumentException($"{settings.Input} has no second text column to attack");
        var records = reader.ReadRecords().Take(settings.MaxExamples ?? int.MaxValue).ToList();
        var fixedTexts = records.Select(r => second ? r.TextA : r.TextB).ToArray();
        // The fixed segment goes through the defence once, as defended evaluation rewrites both segments.
        if (defence != null) fixedTexts = RecognizeOnce(fixedTexts, defence);
        var fixedSegment = records.Select((r, i) => (Id: r.LineNumber.ToString(), Text: fixedTexts[i])).ToDictionary(p => p.Id, p => p.Text);
        var target = new SequenceClassificationTarget(model, featurizer, device, fixedSegment, second, settings.Search.BatchSize);
        var examples = records.Select(r =>
        {
            var gold = metadata.Labels.ToList().IndexOf(r.Label!);
            if (gold < 0) throw new DataFormatException(settings.Input, r.LineNumber, $"label '{r.Label}' is not among the model's labels");
            var words = (second ? r.TextB! : r.TextA).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return (new AttackInput(r.LineNumber.ToString(), words), (IAttackGoal)new ClassificationGoal(gold));
        }).ToList();
        return new Plan(target, examples, WordGranularity.Sentence, AdversarialSummary.Accuracy);
    }

    static string?[] RecognizeOnce(string?[] texts, IWordRecognizer defence)
    {
        var present = Enumerable.Range(0, texts.Length).Where(i => texts[i] != null).ToArray();
        var recognized = defence.Recognize(present.Select(i => texts[i]!.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToArray());
        var result = (string?[])texts.Clone();
        for (var j = 0; j < present.Length; j++) result[present[j]] = string.Join(' ', recognized[j]);
        return result;
    }

    static Plan Tagging(ITaskModel model, TextResources text, TaskMetadata metadata, TaskId spec, AdversarialSettings settings, Device device)
    {
        var featurizer = new NerFeaturizer(text.Tokenizer, text.Chars, metadata.MaxSeqLength, metadata.Labels, FeaturizationOptions.Fixed);
        var target = new TokenClassificationTarget(model, featurizer, device, settings.Search.BatchSize);
        using var reader = ConllReader.Open(settings.Input, spec.Format.Conll!);
        var examples = reader.ReadSentences().Take(settings.MaxExamples ?? int.MaxValue).Select((sentence, i) =>
            (new AttackInput(i.ToString(), sentence.Words.ToArray()), (IAttackGoal)new TokenClassificationGoal(sentence.Labels.ToArray()))).ToList();
        return new Plan(target, examples, WordGranularity.TokenLevel, AdversarialSummary.Accuracy);
    }

    static Plan QuestionAnswering(ITaskModel model, TextResources text, TaskMetadata metadata, AdversarialSettings settings, Device device)
    {
        using var reader = SquadReader.Open(settings.Input);
        var all = reader.ReadExamples().ToList();
        var examples = all.Take(settings.MaxExamples ?? int.MaxValue).ToList();
        var contexts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var example in examples)
            if (!contexts.TryAdd(example.Id, example.Context))
                throw new DataFormatException(settings.Input, example.JsonPath, $"question id '{example.Id}' occurs twice; the search needs unique ids");
        var target = new SquadSpanTarget(model, new SquadAnswerer(text, metadata.MaxSeqLength, metadata.LowerCase), device, contexts,
            SquadAnswerer.IsVersionTwo(reader.Version, all), settings.Search.BatchSize);
        return new Plan(target, examples.Select(e => (
            new AttackInput(e.Id, e.Question.Split(' ', StringSplitOptions.RemoveEmptyEntries)),
            (IAttackGoal)new QaGoal(e.Answers.Select(a => a.Text).ToArray(), SquadMetrics.QuestionF1, settings.QaSuccessF1))).ToList(),
            WordGranularity.Sentence, AdversarialSummary.F1);
    }
}
