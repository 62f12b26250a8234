using CharBert.Attacks.Adversarial;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Training.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Adversarial;

/// <summary>A fine-tuned sequence classifier as the target of the greedy character attack: the attacked words form
/// one segment (joined by single spaces, as the WordPiece tokenizer splits on whitespace anyway): text_a, or text_b
/// when <paramref name="attackSecondSegment"/>; the example's other segment stays fixed. Scores are softmax
/// probabilities, computed in eval mode without gradients.</summary>
public sealed class SequenceClassificationTarget(ITaskModel model, SequenceFeaturizer featurizer, Device device,
    IReadOnlyDictionary<string, string?> fixedOtherSegment, bool attackSecondSegment = false, int batchSize = 64) : IAttackTarget
{
    public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch)
    {
        var features = batch.Select((input, i) =>
        {
            var attacked = string.Join(' ', input.Words);
            var other = fixedOtherSegment.GetValueOrDefault(input.ExampleId);
            return attackSecondSegment ? featurizer.Featurize(other!, attacked, null, i) : featurizer.Featurize(attacked, other, null, i);
        }).ToList();
        var predictions = new Prediction[batch.Count];
        Inference.Run(model, features, device, batchSize, (output, indices) =>
        {
            var probabilities = nn.functional.softmax(output.Logits.to(float64), -1).cpu();
            var width = (int)probabilities.shape[1];
            var flat = probabilities.data<double>().ToArray();
            for (var r = 0; r < indices.Length; r++)
                predictions[indices[r]] = new ClassPrediction(flat.Skip(r * width).Take(width).ToArray());
        });
        return predictions;
    }
}
