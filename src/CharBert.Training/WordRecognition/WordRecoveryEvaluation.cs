namespace CharBert.Training.WordRecognition;

/// <summary>Word recovery on attacked text, compared case-insensitively with the clean word.
/// <see cref="Accuracy"/>: over all words; <see cref="AttackedAccuracy"/>: over the words the noise changed;
/// <see cref="IdentityAccuracy"/>: the no-recogniser baseline (the attacked word taken as it is).</summary>
public sealed record WordRecoveryResult(int Words, int Correct, int AttackedWords, int AttackedCorrect, int IdentityCorrect)
{
    public double Accuracy => Words == 0 ? 0 : (double)Correct / Words;
    public double AttackedAccuracy => AttackedWords == 0 ? 0 : (double)AttackedCorrect / AttackedWords;
    public double IdentityAccuracy => Words == 0 ? 0 : (double)IdentityCorrect / Words;
}

public static class WordRecoveryEvaluation
{
    /// <summary>Attacks every word of <paramref name="cleanSentences"/> with one of <paramref name="noiseTypes"/>
    /// (Pruthi's validation setting; short words the noise cannot touch stay clean), recognises, and scores.</summary>
    public static WordRecoveryResult Evaluate(WordRecognizer recognizer, IReadOnlyList<string[]> cleanSentences,
        IReadOnlyList<ScrnnNoiseType> noiseTypes, int seed)
    {
        var rng = new Random(seed);
        var attacked = cleanSentences.Select(s => s.Select(w => ScrnnWordNoise.ApplyAny(w, noiseTypes, rng)).ToArray()).ToArray();
        return Score(recognizer, cleanSentences, attacked);
    }

    /// <summary>Recognises <paramref name="attacked"/> (e.g. an attacked copy of a test set, word-aligned with
    /// <paramref name="cleanSentences"/>) and scores the recovered words against the clean ones.</summary>
    public static WordRecoveryResult Score(WordRecognizer recognizer, IReadOnlyList<string[]> cleanSentences, IReadOnlyList<string[]> attacked)
    {
        if (attacked.Count != cleanSentences.Count || attacked.Where((s, i) => s.Length != cleanSentences[i].Length).Any())
            throw new ArgumentException("the attacked sentences must match the clean ones word for word");
        var recognised = recognizer.RecognizeSentences(attacked);
        int words = 0, correct = 0, attackedWords = 0, attackedCorrect = 0, identity = 0;
        for (var s = 0; s < cleanSentences.Count; s++)
            for (var i = 0; i < cleanSentences[s].Length; i++)
            {
                var clean = cleanSentences[s][i];
                var hit = string.Equals(recognised[s][i], clean, StringComparison.OrdinalIgnoreCase);
                var changed = !string.Equals(attacked[s][i], clean, StringComparison.Ordinal);
                words++;
                if (hit) correct++;
                if (!changed) identity++;
                if (changed) { attackedWords++; if (hit) attackedCorrect++; }
            }
        return new WordRecoveryResult(words, correct, attackedWords, attackedCorrect, identity);
    }
}
