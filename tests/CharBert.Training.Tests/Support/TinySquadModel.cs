using CharBert.Attacks.Adversarial;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Tasks;
using CharBert.Training.Adversarial;
using CharBert.Training.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.Support;

/// <summary>A tiny random QA model and a SQuAD file whose gold answers are that model's own clean answers, so every
/// question starts at F1 1 and any change of answer is the attack's doing.</summary>
public sealed class TinySquadModel
{
    public static readonly string[] ContentWords = ["cat", "dog", "runs", "sees", "big", "small", "house", "tree", "blue", "red"];

    public required string ModelDirectory { get; init; }
    public required string Input { get; init; }

    public static TinySquadModel Create(TempDirectory dir, int questions, int seed)
    {
        var modelDirectory = TinyRandomModel.Save(dir, TaskHeadKind.QuestionAnswering,
            new TaskMetadata(TaskId.Squad, [], TinyRandomModel.MaxSeqLength, LowerCase: false), numLabels: 2, seed);
        var random = new Random(seed);
        string Words(int min, int max, string[] from) => string.Join(' ', Enumerable.Range(0, random.Next(min, max)).Select(_ => from[random.Next(from.Length)]));
        var drafts = Enumerable.Range(0, 4 * questions).Select(i => new SyntheticTaskFiles.SquadQuestion($"q{i}",
            $"what {Words(2, 4, ContentWords)} ?",
            $"{Words(2, 5, SyntheticTaskFiles.CommonWords)} {SyntheticTaskFiles.Names[random.Next(SyntheticTaskFiles.Names.Length)]} {Words(2, 5, SyntheticTaskFiles.CommonWords)}",
            "")).ToList();
        var target = Target(modelDirectory, drafts.ToDictionary(q => q.Id, q => q.Context));
        var answers = target.Score(drafts.Select(q => new AttackInput(q.Id, q.Question.Split(' '))).ToArray());
        // a random model may find no span at all (the decoder then says "empty"): keep questions it answers from the context
        var answered = drafts.Select((q, i) => q with { Answer = ((SpanPrediction)answers[i]).Text })
            .Where(q => q.Answer.Length > 0 && q.Context.Contains(q.Answer, StringComparison.Ordinal)).Take(questions).ToList();
        if (answered.Count < questions) throw new InvalidOperationException($"the random model answered only {answered.Count} of {drafts.Count} questions from the context");
        return new TinySquadModel { ModelDirectory = modelDirectory, Input = SyntheticTaskFiles.WriteSquadFile(dir.Combine("squad.json"), answered) };
    }

    /// <summary>The saved model as an attack target, built independently of AdversarialRunner.</summary>
    public static SquadSpanTarget Target(string modelDirectory, IReadOnlyDictionary<string, string> contexts)
    {
        var metadata = TaskMetadata.Load(modelDirectory);
        var text = TextResources.Load(modelDirectory, metadata.LowerCase);
        return new SquadSpanTarget(global::CharBert.Modeling.Checkpoints.ModelDirectory.Load(modelDirectory, CPU),
            new SquadAnswerer(text, metadata.MaxSeqLength, metadata.LowerCase), CPU, contexts, versionTwo: false);
    }
}
