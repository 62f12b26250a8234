using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace CharBert.Modeling.WordRecognition;

/// <summary>ScRNN (Pruthi et al. 2019, defenses/scRNN/model.py): one bidirectional LSTM layer over the
/// sentence's semi-character word vectors, then a linear layer to word classes (vocabulary + UNK).</summary>
public sealed class ScrnnModel : Module<Tensor, Tensor, Tensor>
{
    readonly LSTM lstm;
    readonly Linear classifier;

    public ScrnnModel(int inputSize, int hiddenSize, int classCount) : base("scrnn")
    {
        lstm = LSTM(inputSize, hiddenSize, numLayers: 1, batchFirst: true, bidirectional: true);
        classifier = Linear(2 * hiddenSize, classCount);
        RegisterComponents();
    }

    /// <param name="words">(B, T, 3 x alphabet) float word vectors, zero-padded after each sentence.</param>
    /// <param name="lengths">(B) int64 sentence lengths, on the CPU.</param>
    /// <returns>(B, T, classes) logits; positions past a sentence's length are meaningless.</returns>
    public override Tensor forward(Tensor words, Tensor lengths)
    {
        using var packed = nn.utils.rnn.pack_padded_sequence(words, lengths, batch_first: true, enforce_sorted: false);
        var (outputPacked, _, _) = lstm.call(packed);
        using (outputPacked)
        {
            var (states, _) = nn.utils.rnn.pad_packed_sequence(outputPacked, batch_first: true, total_length: words.shape[1]);  // (B, T, 2 x hidden)
            return classifier.call(states);  // (B, T, 2 x hidden) -> (B, T, classes)
        }
    }
}
