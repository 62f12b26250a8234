using CharBert.Text.Tokenization;

namespace CharBert.Text.Vocab;

/// <summary>
/// Deterministic WordPiece vocabulary from a corpus, for from-scratch experiments. Layout: [PAD] [UNK] [CLS]
/// [SEP] [MASK]; every character seen at a word start, then every "##"+character seen inside a word (each group
/// in code-point order); then pieces from repeated merges of the most frequent adjacent pair, weighted by word
/// frequency (the Hugging Face WordPiece trainer's BPE-with-"##" scheme), ties broken by ordinal order of the
/// merged piece. Pre-tokenisation is the BERT <see cref="BasicTokenizer"/>, so training and use split text alike.
/// </summary>
public static class WordPieceVocabularyTrainer
{
    public static List<string> Train(IEnumerable<string> corpus, WordPieceTrainerOptions options)
    {
        var counts = new CorpusWordCounts(options.LowerCase, options.MaxInputCharsPerWord);
        foreach (var line in corpus) counts.AddPreTokenized(line);
        return TrainFromCounts(counts.PreTokenized, options);
    }

    /// <summary>As <see cref="Train"/>, from the pre-tokenised word counts (<see cref="CorpusWordCounts.PreTokenized"/>,
    /// made with the same casing). <paramref name="onSize"/> hears the vocabulary's size after each merge.</summary>
    public static List<string> TrainFromCounts(IReadOnlyDictionary<string, long> wordCounts, WordPieceTrainerOptions options, Action<int>? onSize = null)
    {
        var words = wordCounts.OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => (Symbols: InitialSymbols(kv.Key), Count: kv.Value)).ToList();

        var vocab = new List<string>(SpecialTokens.All);
        var known = new HashSet<string>(vocab, StringComparer.Ordinal);
        var initial = words.SelectMany(w => w.Symbols.Take(1)).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        var inner = words.SelectMany(w => w.Symbols.Skip(1)).Distinct().OrderBy(s => s, StringComparer.Ordinal);
        foreach (var symbol in initial.Concat(inner))
            if (vocab.Count < options.VocabSize && known.Add(symbol)) vocab.Add(symbol);

        var pairs = new PairCounts();
        for (int w = 0; w < words.Count; w++) pairs.AddWord(words[w].Symbols, words[w].Count, w);

        while (vocab.Count < options.VocabSize)
        {
            var best = pairs.MostFrequent(options.MinPairFrequency);
            if (best is null) break;
            var (left, right, merged) = best.Value;
            foreach (var w in pairs.WordsWith(left, right))
            {
                var (symbols, count) = words[w];
                pairs.RemoveWord(symbols, count, w);
                var next = Merge(symbols, left, right, merged);
                words[w] = (next, count);
                pairs.AddWord(next, count, w);
            }
            if (known.Add(merged)) vocab.Add(merged);
            onSize?.Invoke(vocab.Count);
        }
        return vocab;
    }

    /// <summary>Trains and writes vocab.txt (temp file, then rename).</summary>
    public static void TrainToFile(IEnumerable<string> corpus, WordPieceTrainerOptions options, string path) =>
        VocabularyFile.WriteEntries(path, Train(corpus, options));

    private static string[] InitialSymbols(string word)
    {
        var runes = UnicodeRules.CodePoints(word);
        for (int i = 1; i < runes.Count; i++) runes[i] = SpecialTokens.ContinuationPrefix + runes[i];
        return runes.ToArray();
    }

    internal static string MergedPiece(string left, string right) =>
        left + right[SpecialTokens.ContinuationPrefix.Length..];

    private static string[] Merge(string[] symbols, string left, string right, string merged)
    {
        var result = new List<string>(symbols.Length);
        for (int i = 0; i < symbols.Length; i++)
        {
            if (i + 1 < symbols.Length && symbols[i] == left && symbols[i + 1] == right)
            {
                result.Add(merged);
                i++;
            }
            else result.Add(symbols[i]);
        }
        return result.ToArray();
    }

    /// <summary>Weighted counts of adjacent symbol pairs and which words hold each pair.</summary>
    private sealed class PairCounts
    {
        private readonly Dictionary<(string, string), long> counts = new();
        private readonly Dictionary<(string, string), HashSet<int>> words = new();

        public void AddWord(string[] symbols, long count, int word) => Update(symbols, count, word, add: true);
        public void RemoveWord(string[] symbols, long count, int word) => Update(symbols, -count, word, add: false);

        public List<int> WordsWith(string left, string right) =>
            words.TryGetValue((left, right), out var set) ? set.OrderBy(i => i).ToList() : [];

        public (string Left, string Right, string Merged)? MostFrequent(int minFrequency)
        {
            (string, string)? best = null;
            long bestCount = 0;
            string bestMerged = "";
            foreach (var (pair, count) in counts)
            {
                if (count < minFrequency || count < bestCount) continue;
                var merged = MergedPiece(pair.Item1, pair.Item2);
                if (count > bestCount || string.CompareOrdinal(merged, bestMerged) < 0
                    || merged == bestMerged && string.CompareOrdinal(pair.Item1, best!.Value.Item1) < 0)
                {
                    best = pair;
                    bestCount = count;
                    bestMerged = merged;
                }
            }
            return best is { } b ? (b.Item1, b.Item2, bestMerged) : null;
        }

        private void Update(string[] symbols, long delta, int word, bool add)
        {
            for (int i = 0; i + 1 < symbols.Length; i++)
            {
                var pair = (symbols[i], symbols[i + 1]);
                long count = counts.GetValueOrDefault(pair) + delta;
                if (count <= 0) { counts.Remove(pair); words.Remove(pair); continue; }
                counts[pair] = count;
                if (add)
                {
                    if (!words.TryGetValue(pair, out var set)) words[pair] = set = new HashSet<int>();
                    set.Add(word);
                }
                else if (words.TryGetValue(pair, out var set)) set.Remove(word);
            }
        }
    }
}
