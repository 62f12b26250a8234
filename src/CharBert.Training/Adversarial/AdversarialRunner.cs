using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Recipes;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.Featurization;
using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Tsv;
using CharBert.Modeling;
using static TorchSharp.torch;
using CharBert.Training.Tasks;

namespace CharBert.Training.Adversarial;

/// <summary>`charbert attack --adversarial --model DIR`: Pruthi et al.'s greedy k-character search (pruthi2019
/// candidates) against a fine-tuned model. GLUE-style classification attacks text_a (or, for pair tasks with
/// <paramref name="attackSecondSegment"/>, text_b) and succeeds when the class flips; NER/POS taggers succeed when any
/// gold entity (non-"O") word gets another label. Returns per-example results and quality after 0..k edits.</summary>
public static class AdversarialRunner
{
    public static (IReadOnlyList<AdversarialResult> Results, AdversarialSummary Summary) Run(
        string modelDirectory, string inputPath, GreedySearchOptions options, string device = "cpu", int? maxExamples = null,
        bool attackSecondSegment = false)
    {
        var metadata = TaskMetadata.Load(modelDirectory);
        var spec = TaskSpec.Parse(metadata.Task);
        var text = TextResources.Load(modelDirectory, metadata.LowerCase);
        var torchDevice = DeviceResolver.Resolve(device);
        var model = ModelDirectory.Load(modelDirectory, torchDevice);
        var results = spec.Kind switch
        {
            Tasks.TaskKind.Glue => Classification(model, text, metadata, spec, inputPath, options, torchDevice, maxExamples, attackSecondSegment),
            Tasks.TaskKind.Ner or Tasks.TaskKind.Pos => Tagging(model, text, metadata, spec, inputPath, options, torchDevice, maxExamples),
            _ => throw new ArgumentException($"{modelDirectory} was fine-tuned for {metadata.Task}; the adversarial search is wired for " +
                                             "glue:<name>, ner and pos models (QA needs a span target that does not exist yet)"),
        };
        return (results, AdversarialSummary.Of(results));
    }

    static List<AdversarialResult> Classification(ITaskModel model, TextResources text, TaskMetadata metadata, TaskSpec spec, string inputPath,
        GreedySearchOptions options, Device device, int? maxExamples, bool attackSecondSegment)
    {
        var featurizer = new SequenceFeaturizer(text.Tokenizer, text.Chars, metadata.MaxSeqLength, FeaturizationOptions.Original);
        using var reader = TsvReader.Open(inputPath, GlueLayouts.ByName(spec.GlueName!));
        if (!reader.Schema.HasLabels) throw new ArgumentException($"{inputPath} has no label column: the search needs gold labels");
        var records = reader.ReadRecords().Take(maxExamples ?? int.MaxValue).ToList();
        if (attackSecondSegment && reader.Schema.TextB is null) throw new ArgumentException($"{inputPath} has no second text column to attack");
        var fixedSegment = records.ToDictionary(r => r.LineNumber.ToString(), r => attackSecondSegment ? r.TextA : r.TextB);
        var target = new SequenceClassificationTarget(model, featurizer, device, fixedSegment, attackSecondSegment, options.BatchSize);
        var search = new GreedyCharAttack(target, new Pruthi2019Recipe().AdversarialCandidates, options);
        return records.Select(r =>
        {
            var gold = metadata.Labels.ToList().IndexOf(r.Label!);
            if (gold < 0) throw new Text.IO.DataFormatException(inputPath, r.LineNumber, $"label '{r.Label}' is not among the model's labels");
            var words = (attackSecondSegment ? r.TextB! : r.TextA).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return search.Attack(new AttackInput(r.LineNumber.ToString(), words), new ClassificationGoal(gold));
        }).ToList();
    }

    static List<AdversarialResult> Tagging(ITaskModel model, TextResources text, TaskMetadata metadata, TaskSpec spec, string inputPath,
        GreedySearchOptions options, Device device, int? maxExamples)
    {
        var featurizer = new NerFeaturizer(text.Tokenizer, text.Chars, metadata.MaxSeqLength, metadata.Labels, FeaturizationOptions.Fixed);
        var target = new TokenClassificationTarget(model, featurizer, device, options.BatchSize);
        var search = new GreedyCharAttack(target, new Pruthi2019Recipe().AdversarialCandidates, options with { Task = Attacks.Recipes.TaskKind.TokenLevel });
        using var reader = ConllReader.Open(inputPath, TokenTaggingTask.ConllOptionsFor(spec));
        return reader.ReadSentences().Take(maxExamples ?? int.MaxValue).Select((sentence, i) =>
            search.Attack(new AttackInput(i.ToString(), sentence.Words.ToArray()), new TokenClassificationGoal(sentence.Labels.ToArray()))).ToList();
    }
}
