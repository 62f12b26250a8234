namespace CharBert.Attacks.Adversarial;

/// <summary>One model query: the words of the attacked text (question, sentence, context or token sequence) of
/// example <paramref name="ExampleId"/>; the target knows the rest of the example (e.g. the fixed other segment).</summary>
public sealed record AttackInput(string ExampleId, IReadOnlyList<string> Words);

/// <summary>What a model says about one input.</summary>
public abstract record Prediction;

/// <summary>Sequence classification: one probability per class.</summary>
public sealed record ClassPrediction(IReadOnlyList<double> Probabilities) : Prediction
{
    public int ArgMax()
    {
        var best = 0;
        for (var i = 1; i < Probabilities.Count; i++) if (Probabilities[i] > Probabilities[best]) best = i;
        return best;
    }
}

/// <summary>Token classification: one label per input word, optionally with the probability the model gave it.</summary>
public sealed record TokenLabelsPrediction(IReadOnlyList<string> Labels, IReadOnlyList<double>? Confidences = null) : Prediction;

/// <summary>Extractive QA: the predicted answer text and its confidence.</summary>
public sealed record SpanPrediction(string Text, double Confidence) : Prediction;

/// <summary>The model under attack, queried in batches. Implementations live with the model (Training).</summary>
public interface IAttackTarget
{
    IReadOnlyList<Prediction> Score(IReadOnlyList<AttackInput> batch);
}

/// <summary>A defence placed before the model (Pruthi et al.'s word recogniser): maps every word of each sentence to
/// its guess of the intended word. Sentence-level and batched, because a recogniser such as ScRNN reads the whole
/// sentence, so a word's guess depends on its neighbours. Must keep each sentence's word count.</summary>
public interface IWordRecognizer
{
    IReadOnlyList<string[]> Recognize(IReadOnlyList<string[]> sentences);
}
