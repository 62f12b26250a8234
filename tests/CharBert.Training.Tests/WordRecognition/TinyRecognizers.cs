using CharBert.Modeling.WordRecognition;
using CharBert.Training.WordRecognition;
using static TorchSharp.torch;

namespace CharBert.Training.Tests.WordRecognition;

/// <summary>Small recognisers for tests: trained in about a second on made-up words, or with the output bias forced
/// so that every word gets the same class.</summary>
static class TinyRecognizers
{
    public static readonly string[] Vocabulary = SyntheticSentences.Vocabulary(40, seed: 1);

    public static readonly ScrnnTrainingOptions Options = new()
    {
        VocabularySize = 100, Epochs = 6, BatchSize = 16, LearningRate = 0.01,
        NoiseTypes = [ScrnnNoiseType.Swap], Seed = 5,
    };

    /// <summary>Trained on 200 sentences over <see cref="Vocabulary"/>; with <paramref name="vocabularySize"/> below 40
    /// the less frequent words are UNK to it.</summary>
    public static WordRecognizer Train(int vocabularySize = 100, UnkBackoff backoff = UnkBackoff.PassThrough, WordRecognizer? background = null)
    {
        // One libtorch thread: on a busy shared CI machine this is several times faster for so small a model.
        var previousThreads = get_num_threads();
        set_num_threads(1);
        try
        {
            return ScrnnTrainer.Train(SyntheticSentences.Sentences(Vocabulary, 200, seed: 2),
                Options with { VocabularySize = vocabularySize, Backoff = backoff }, CPU, background: background);
        }
        finally { set_num_threads(previousThreads); }
    }

    /// <summary>A recogniser over the one-word vocabulary [<paramref name="word"/>] whose output bias forces class 0
    /// (the word) or, with <paramref name="unk"/>, class 1 (UNK) for every input.</summary>
    public static WordRecognizer Forced(string word, bool unk, UnkBackoff backoff, WordRecognizer? background = null)
    {
        var config = new ScrnnConfig("abcdefghijklmnopqrstuvwxyz", [word], 4, backoff, ScrnnConfig.DefaultNeutralWord, ["swap"], 1);
        var model = config.CreateModel();
        using (no_grad())
            model.get_parameter("classifier.bias")!.copy_(tensor(unk ? new[] { -100f, 100f } : new[] { 100f, -100f }));
        return new WordRecognizer(config, model, CPU, background);
    }

    /// <summary>A new model for <paramref name="config"/> holding the weights saved in <paramref name="directory"/>.</summary>
    public static ScrnnModel Weights(ScrnnConfig config, string directory)
    {
        var model = config.CreateModel();
        ScrnnWeights.Load(model, directory);
        return model;
    }

    public static string[][] Attacked(int count, int seed)
    {
        var rng = new Random(seed);
        return SyntheticSentences.Sentences(Vocabulary, count, seed)
            .Select(s => s.Select(w => ScrnnWordNoise.Apply(w, ScrnnNoiseType.Swap, rng)).ToArray()).ToArray();
    }
}
