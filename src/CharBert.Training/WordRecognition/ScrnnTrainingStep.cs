using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>One optimiser step on one batch of clean sentences (noised here), in its own dispose scope.</summary>
public sealed class ScrnnTrainingStep
{
    readonly WordRecognizer _recognizer;
    readonly Dictionary<string, int> _classOf;
    readonly optim.Optimizer _optimizer;
    readonly Device _device;

    public ScrnnTrainingStep(WordRecognizer recognizer, double learningRate)
    {
        _recognizer = recognizer;
        _classOf = recognizer.Config.Words.Select((w, i) => (w, i)).ToDictionary(p => p.w, p => p.i);
        _optimizer = optim.Adam(recognizer.Model.parameters(), lr: learningRate);
        _device = recognizer.Model.parameters().First().device;
    }

    /// <returns>The batch's mean cross-entropy.</returns>
    public double Run(IReadOnlyList<string[]> cleanSentences, IReadOnlyList<ScrnnNoiseType> noiseTypes, Random rng)
    {
        using var scope = NewDisposeScope();
        var noised = cleanSentences.Select(s => s.Select(w => ScrnnWordNoise.ApplyAny(w.ToLowerInvariant(), noiseTypes, rng)).ToArray()).ToArray();
        var targets = cleanSentences.Select(s => s.Select(w => _classOf.GetValueOrDefault(w.ToLowerInvariant(), _recognizer.Config.UnkClass)).ToArray()).ToArray();

        var model = _recognizer.Model;
        model.train();
        var (words, lengths) = ScrnnBatch.EncodeInputs(noised, _recognizer.Encoder, _device);
        var target = ScrnnBatch.EncodeTargets(targets, (int)words.shape[1], _device);
        var logits = model.call(words, lengths);
        var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), target.reshape(-1),
            ignore_index: ScrnnBatch.IgnoreTarget);
        _optimizer.zero_grad();
        loss.backward();
        _optimizer.step();
        return loss.item<float>();
    }
}
