using static TorchSharp.torch;

namespace CharBert.Training.WordRecognition;

/// <summary>Tensors for a batch of sentences: semi-character vectors (B, T, 3A) on the model's device,
/// lengths (B) on the CPU (packing needs them there), and optionally word-class targets (B, T) with
/// <see cref="ScrnnBatch.IgnoreTarget"/> past each sentence's end.</summary>
public static class ScrnnBatch
{
    public const long IgnoreTarget = -100;

    public static (Tensor Words, Tensor Lengths) EncodeInputs(IReadOnlyList<string[]> sentences, ScrnnWordEncoder encoder, Device device)
    {
        var maxLength = sentences.Max(s => s.Length);
        var vectorSize = encoder.VectorSize;
        var data = new float[sentences.Count * maxLength * vectorSize];
        for (var b = 0; b < sentences.Count; b++)
            for (var t = 0; t < sentences[b].Length; t++)
                encoder.Encode(sentences[b][t], data.AsSpan((b * maxLength + t) * vectorSize, vectorSize));
        var words = tensor(data, [sentences.Count, maxLength, vectorSize], device: device);  // (B, T, 3A)
        var lengths = tensor(sentences.Select(s => (long)s.Length).ToArray());  // (B)
        return (words, lengths);
    }

    public static Tensor EncodeTargets(IReadOnlyList<int[]> classes, int maxLength, Device device)
    {
        var data = Enumerable.Repeat(IgnoreTarget, classes.Count * maxLength).ToArray();
        for (var b = 0; b < classes.Count; b++)
            for (var t = 0; t < classes[b].Length; t++)
                data[b * maxLength + t] = classes[b][t];
        return tensor(data, [classes.Count, maxLength], device: device);  // (B, T)
    }
}
