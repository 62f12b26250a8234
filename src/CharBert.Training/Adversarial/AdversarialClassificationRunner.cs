using CharBert.Attacks.Adversarial;
using CharBert.Attacks.Recipes;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.Featurization;
using CharBert.Text.IO.Tsv;
using CharBert.Training.Tasks;

namespace CharBert.Training.Adversarial;

/// <summary>`charbert attack --adversarial --model DIR` for GLUE-style classification: Pruthi et al.'s greedy
/// k-character search (pruthi2019 candidates) against a fine-tuned model, attacking text_a (or, for pair tasks with
/// <paramref name="attackSecondSegment"/>, text_b) of every labelled record. Returns per-example results and adversarial accuracy after 0..k edits.</summary>
public static class AdversarialClassificationRunner
{
    public static (IReadOnlyList<AdversarialResult> Results, AdversarialSummary Summary) Run(
        string modelDirectory, string inputPath, GreedySearchOptions options, string device = "cpu", int? maxExamples = null,
        bool attackSecondSegment = false)
    {
        var metadata = TaskMetadata.Load(modelDirectory);
        var spec = TaskSpec.Parse(metadata.Task);
        if (spec.Kind != Tasks.TaskKind.Glue)
            throw new ArgumentException($"{modelDirectory} was fine-tuned for {metadata.Task}; the adversarial search is wired for glue:<name> classification only");
        var text = TextResources.Load(modelDirectory, metadata.LowerCase);
        var featurizer = new SequenceFeaturizer(text.Tokenizer, text.Chars, metadata.MaxSeqLength, FeaturizationOptions.Original);
        var torchDevice = DeviceResolver.Resolve(device);
        var model = ModelDirectory.Load(modelDirectory, torchDevice);

        using var reader = TsvReader.Open(inputPath, GlueLayouts.ByName(spec.GlueName!));
        if (!reader.Schema.HasLabels) throw new ArgumentException($"{inputPath} has no label column: the search needs gold labels");
        var records = reader.ReadRecords().Take(maxExamples ?? int.MaxValue).ToList();
        if (attackSecondSegment && reader.Schema.TextB is null) throw new ArgumentException($"{inputPath} has no second text column to attack");
        var fixedSegment = records.ToDictionary(r => r.LineNumber.ToString(), r => attackSecondSegment ? r.TextA : r.TextB);
        var target = new SequenceClassificationTarget(model, featurizer, torchDevice, fixedSegment, attackSecondSegment, options.BatchSize);
        var search = new GreedyCharAttack(target, new Pruthi2019Recipe().AdversarialCandidates, options);
        var results = records.Select(r =>
        {
            var gold = metadata.Labels.ToList().IndexOf(r.Label!);
            if (gold < 0) throw new Text.IO.DataFormatException(inputPath, r.LineNumber, $"label '{r.Label}' is not among the model's labels");
            var words = (attackSecondSegment ? r.TextB! : r.TextA).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return search.Attack(new AttackInput(r.LineNumber.ToString(), words), new ClassificationGoal(gold));
        }).ToList();
        return (results, AdversarialSummary.Of(results));
    }
}
