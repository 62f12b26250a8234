using CharBert.Attacks.Adversarial;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Training.Tasks;
using static TorchSharp.torch;

namespace CharBert.Training.Adversarial;

/// <summary>A fine-tuned tagger (NER/POS) as the target of the greedy character attack: one predicted label per
/// word (first sub-token, as evaluation maps them; words past max_seq_length get "O"), computed in eval mode
/// without gradients.</summary>
public sealed class TokenClassificationTarget(ITaskModel model, NerFeaturizer featurizer, Device device, int batchSize = 64) : IAttackTarget
{
    public IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch)
    {
        var placeholder = featurizer.Labels[0]; // features need labels; predictions do not read them
        var features = batch.Select((input, i) => featurizer.Featurize(input.Words, input.Words.Select(_ => placeholder).ToArray(), i)).ToList();
        var predictions = new Prediction[batch.Count];
        Inference.Run(model, features, device, batchSize, (output, indices) =>
        {
            var rows = Inference.ArgMaxRows(output.Logits);
            for (var r = 0; r < indices.Length; r++)
            {
                var words = batch[indices[r]].Words;
                predictions[indices[r]] = new TokenLabelsPrediction(featurizer.MapPredictionsToWords(words, rows[r]).Select(l => l ?? "O").ToArray());
            }
        });
        return predictions;
    }
}
