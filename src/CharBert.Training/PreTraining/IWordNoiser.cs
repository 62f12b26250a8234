namespace CharBert.Training.PreTraining;

/// <summary>Turns one word into a noisy variant for the NLM (char-channel) objective. Randomness comes
/// only from the caller's seeded generator, so a run is reproducible from its seed.</summary>
public interface IWordNoiser
{
    string Noise(string word, Random rng);
}
