using CharBert.Modeling.WordRecognition;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>Trains a ScRNN as Pruthi et al.: every epoch each training word is replaced by a noised copy
/// (one noise type drawn per word) and the model learns to predict the clean word's class (UNK for
/// words outside the vocabulary) with cross-entropy. Sentences are sorted by length and cut into batches
/// (little padding); batch order is shuffled each epoch. Everything is seeded by <see cref="ScrnnTrainingOptions.Seed"/>.
/// With the background back-off, <c>background</c> (a recogniser trained before, typically on a larger vocabulary)
/// becomes part of the returned recogniser, which takes ownership of it.</summary>
public static class ScrnnTrainer
{
    public static WordRecognizer Train(IReadOnlyList<string[]> sentences, ScrnnTrainingOptions options, Device device,
        Action<int, double>? onEpochDone = null, WordRecognizer? background = null)
    {
        WordRecognizer.RequireBackgroundFits(options.Backoff, background);
        var training = sentences.Where(s => s.Length > 0).ToArray();
        if (training.Length == 0) throw new ArgumentException("no training sentences (all empty)");
        var (alphabet, words) = ScrnnVocabularyBuilder.Build(training, options.VocabularySize);
        var config = new ScrnnConfig(alphabet, words, options.HiddenSize, options.Backoff, ScrnnConfig.DefaultNeutralWord,
            options.NoiseTypes.Select(t => t.ToName()).ToArray(), options.Seed);

        torch.random.manual_seed(options.Seed);
        var model = config.CreateModel();
        model.to(device);
        var recognizer = new WordRecognizer(config, model, device, background);
        var step = new ScrnnTrainingStep(recognizer, options.LearningRate);

        var rng = new Random(options.Seed);
        var byLength = training.OrderBy(s => s.Length).ToArray();
        var batches = Enumerable.Range(0, (byLength.Length + options.BatchSize - 1) / options.BatchSize)
            .Select(b => byLength.Skip(b * options.BatchSize).Take(options.BatchSize).ToArray()).ToArray();
        for (var epoch = 1; epoch <= options.Epochs; epoch++)
        {
            rng.Shuffle(batches);
            double lossSum = 0;
            foreach (var batch in batches) lossSum += step.Run(batch, options.NoiseTypes, rng);
            onEpochDone?.Invoke(epoch, lossSum / batches.Length);
        }
        model.eval();
        return recognizer;
    }
}
