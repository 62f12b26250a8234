namespace CharBert.Training.WordRecognition;

/// <summary>What the recogniser outputs when the ScRNN predicts UNK (Pruthi et al. 2019, section 4).</summary>
public enum UnkBackoff
{
    /// <summary>Keep the input word as it is.</summary>
    PassThrough,
    /// <summary>Output a fixed neutral word ("a", as Pruthi's --unk-output).</summary>
    Neutral,
}
