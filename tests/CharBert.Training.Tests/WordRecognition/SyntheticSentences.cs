namespace CharBert.Training.Tests.WordRecognition;

/// <summary>Made-up words (random letters) in random sentences: a vocabulary with no natural-language data.</summary>
static class SyntheticSentences
{
    public static string[] Vocabulary(int size, int seed)
    {
        var rng = new Random(seed);
        var words = new HashSet<string>();
        while (words.Count < size)
            words.Add(new string(Enumerable.Range(0, rng.Next(5, 9)).Select(_ => (char)('a' + rng.Next(26))).ToArray()));
        return words.ToArray();
    }

    public static string[][] Sentences(string[] vocabulary, int count, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(_ => Enumerable.Range(0, rng.Next(4, 11)).Select(_ => vocabulary[rng.Next(vocabulary.Length)]).ToArray())
            .ToArray();
    }
}
