namespace CharBert.Training.WordRecognition;

/// <summary>What the recogniser outputs when the ScRNN predicts UNK (Pruthi et al. 2019, section 4).</summary>
public enum UnkBackoff
{
    /// <summary>Keep the input word as it is.</summary>
    PassThrough,
    /// <summary>Output a fixed neutral word ("a", as Pruthi's --unk-output).</summary>
    Neutral,
    /// <summary>Ask a background recogniser (trained on a larger vocabulary) about the whole sentence and take its
    /// word; where the background predicts UNK too, keep the input word.</summary>
    Background,
}
