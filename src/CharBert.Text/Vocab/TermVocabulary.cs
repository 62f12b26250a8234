using CharBert.Text.Tokenization;

namespace CharBert.Text.Vocab;

/// <summary>
/// The whole-word ("term") vocabulary of CharBERT's noisy-LM head, in the original data/dict/term_vocab format:
/// one word per line by descending frequency, "&lt;unk&gt;" as the last line; line index = id.
/// </summary>
public sealed class TermVocabulary
{
    public const string UnkEntry = "<unk>";

    private readonly Dictionary<string, int> ids;
    private readonly string[] entries;

    public TermVocabulary(IReadOnlyList<string> entries)
    {
        this.entries = entries.ToArray();
        ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < this.entries.Length; i++) ids[this.entries[i]] = i;
        if (!ids.TryGetValue(UnkEntry, out var unk)) throw new ArgumentException($"A term vocabulary needs a '{UnkEntry}' line.");
        UnkId = unk;
    }

    public static TermVocabulary Load(string path)
    {
        var entries = VocabularyFile.ReadEntries(path);
        try { return new TermVocabulary(entries); }
        catch (ArgumentException e) { throw new IO.DataFormatException(path, entries.Length, e.Message); }
    }

    public int Count => entries.Length;
    public int UnkId { get; }
    public IReadOnlyList<string> Entries => entries;

    public int GetId(string word) => ids.TryGetValue(word, out var id) ? id : UnkId;

    public void Save(string path) => VocabularyFile.WriteEntries(path, entries);

    /// <summary>
    /// The <paramref name="size"/> most frequent words of the corpus in the form the NLM looks them up (split and
    /// lower-cased as <see cref="CorpusWords"/> does; ties in ordinal order), then &lt;unk&gt;.
    /// </summary>
    public static TermVocabulary Build(IEnumerable<string> corpus, int size)
    {
        var counts = new CorpusWordCounts(lowerCase: true);
        foreach (var line in corpus) counts.AddTerms(line);
        return FromCounts(counts.Terms, size);
    }

    /// <summary>As <see cref="Build"/>, from term counts.</summary>
    public static TermVocabulary FromCounts(IReadOnlyDictionary<string, long> counts, int size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var top = counts.Where(kv => kv.Key != UnkEntry)
            .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(size).Select(kv => kv.Key);
        return new TermVocabulary([.. top, UnkEntry]);
    }
}
