using CharBert.Attacks.Adversarial;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization.Squad;
using CharBert.Training.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Adversarial;

/// <summary>A fine-tuned extractive QA model as the target of the greedy character attack: the attacked words are
/// the question (joined by single spaces), the example's context (looked up by example id) stays fixed. Featurised
/// and decoded exactly as <see cref="SquadTask"/> evaluates (<see cref="SquadAnswerer"/>); the prediction is the
/// decoded answer ("" = no answer, SQuAD 2.0) with the n-best probability of that answer.</summary>
public sealed class SquadSpanTarget(ITaskModel model, SquadAnswerer answerer, Device device,
    IReadOnlyDictionary<string, string> contexts, bool versionTwo, int batchSize = 64) : IAttackTarget
{
    public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch)
    {
        var inputs = batch.Select(input => new SquadInput(string.Join(' ', input.Words), Context(input.ExampleId), answerStart: null, answerText: null, isImpossible: false)).ToArray();
        // unlabelled (isTraining: false): every question gets its windows, whatever the gold answer
        var windows = inputs.Select((input, i) => answerer.Featurizer.Featurize(input, isTraining: false, i)).ToArray();
        var answers = answerer.Answer(model, inputs, windows, versionTwo, device, batchSize);
        return answers.Select(a => (Prediction)new SpanPrediction(a.Answer, a.NBest.FirstOrDefault(c => c.Text == a.Answer)?.Probability ?? 0)).ToArray();
    }

    string Context(string exampleId) =>
        contexts.TryGetValue(exampleId, out var context) ? context : throw new ArgumentException($"no context for SQuAD example '{exampleId}'");
}
