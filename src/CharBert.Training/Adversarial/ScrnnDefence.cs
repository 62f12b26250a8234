using CharBert.Attacks.Adversarial;
using CharBert.Training.WordRecognition;

namespace CharBert.Training.Adversarial;

/// <summary>Pruthi et al.'s defended setting: a trained ScRNN word recogniser in front of the attacked model. The
/// ScRNN is a BiLSTM over the sentence, so whole sentences go through it (batched), never single words.</summary>
public sealed class ScrnnDefence(WordRecognizer recognizer) : IWordRecognizer
{
    public IReadOnlyList<string[]> Recognize(IReadOnlyList<string[]> sentences) => recognizer.RecognizeSentences(sentences);
}
