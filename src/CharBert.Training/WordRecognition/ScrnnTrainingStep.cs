using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>One optimiser step on one batch of clean sentences (noised here), in its own dispose scope.</summary>
public sealed class ScrnnTrainingStep
{
    readonly WordRecognizer recognizer;
    readonly Dictionary<string, int> classOf;
    readonly optim.Optimizer optimizer;
    readonly Device device;

    public ScrnnTrainingStep(WordRecognizer recognizer, double learningRate)
    {
        this.recognizer = recognizer;
        classOf = recognizer.Config.Words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        optimizer = optim.Adam(recognizer.Model.parameters(), lr: learningRate);
        device = recognizer.Model.parameters().First().device;
    }

    /// <returns>The batch's mean cross-entropy.</returns>
    public double Run(IReadOnlyList<string[]> cleanSentences, IReadOnlyList<ScrnnNoiseType> noiseTypes, Random rng)
    {
        using var scope = NewDisposeScope();
        var noised = cleanSentences.Select(s => s.Select(w => ScrnnWordNoise.ApplyAny(w.ToLowerInvariant(), noiseTypes, rng)).ToArray()).ToArray();
        var targets = cleanSentences.Select(s => s.Select(w => classOf.GetValueOrDefault(w.ToLowerInvariant(), recognizer.Config.UnkClass)).ToArray()).ToArray();

        var model = recognizer.Model;
        model.train();
        var (words, lengths) = ScrnnBatch.EncodeInputs(noised, recognizer.Encoder, device);
        var target = ScrnnBatch.EncodeTargets(targets, (int)words.shape[1], device);
        var logits = model.call(words, lengths);  // (B, T, 3A) -> (B, T, K), K word classes
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), target.reshape(-1),
            ignore_index: ScrnnBatch.IgnoreTarget);  // (B*T, K) vs (B*T) -> scalar
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        return loss.item<float>();
    }
}
