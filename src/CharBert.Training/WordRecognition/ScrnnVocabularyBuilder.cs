namespace CharBert.Training.WordRecognition;

/// <summary>Builds the ScRNN's alphabet and output vocabulary from training sentences (lower-cased, as
/// Pruthi's create_vocab): the alphabet is every character seen, in order of first appearance; the vocabulary
/// is the <c>size</c> most frequent words, ties in order of first appearance.</summary>
public static class ScrnnVocabularyBuilder
{
    public static (string Alphabet, string[] Words) Build(IEnumerable<string[]> sentences, int size)
    {
        if (size <= 0) throw new ArgumentOutOfRangeException(nameof(size), size, "vocabulary size must be positive");
        var alphabet = new List<char>();
        var seenChars = new HashSet<char>();
        var counts = new Dictionary<string, (int Count, int FirstSeen)>();
        foreach (var sentence in sentences)
            foreach (var raw in sentence)
            {
                var word = raw.ToLowerInvariant();
                foreach (var c in word)
                    if (seenChars.Add(c)) alphabet.Add(c);
                counts[word] = counts.TryGetValue(word, out var entry) ? (entry.Count + 1, entry.FirstSeen) : (1, counts.Count);
            }
        var words = counts.OrderByDescending(kv => kv.Value.Count).ThenBy(kv => kv.Value.FirstSeen)
            .Take(size).Select(kv => kv.Key).ToArray();
        return (new string(alphabet.ToArray()), words);
    }
}
