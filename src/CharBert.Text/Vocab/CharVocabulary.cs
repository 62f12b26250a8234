using System.Text;

namespace CharBert.Text.Vocab;

/// <summary>
/// The original character vocabulary (data/dict/bert_char_vocab; its line 0 is a single space): one character per line, line index = id,
/// a repeated line keeps its last index, unknown characters map to the "&lt;unk&gt;" entry. Id 0 doubles as
/// padding and as the separator after every token in the featurisation.
/// </summary>
public sealed class CharVocabulary
{
    public const string UnkEntry = "<unk>";

    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<int, int> idsByCodePoint = new();
    private readonly string[] entries;

    public CharVocabulary(IReadOnlyList<string> entries)
    {
        this.entries = entries.ToArray();
        ids = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (int i = 0; i < this.entries.Length; i++) ids[this.entries[i]] = i;
        if (!ids.TryGetValue(UnkEntry, out var unk))
            throw new ArgumentException($"A character vocabulary needs a '{UnkEntry}' line.");
        UnkId = unk;
        foreach (var (entry, id) in ids)
            if (Rune.DecodeFromUtf16(entry, out var rune, out int consumed) == System.Buffers.OperationStatus.Done && consumed == entry.Length)
                idsByCodePoint[rune.Value] = id;
    }

    public static CharVocabulary Load(string path)
    {
        var entries = VocabularyFile.ReadEntries(path);
        try { return new CharVocabulary(entries); }
        catch (ArgumentException e) { throw new IO.DataFormatException(path, entries.Length, e.Message); }
    }

    public int Count => entries.Length;
    public int UnkId { get; }
    public IReadOnlyList<string> Entries => entries;

    /// <summary>Id of one code point, or the &lt;unk&gt; id.</summary>
    public int GetId(int codePoint) => idsByCodePoint.TryGetValue(codePoint, out var id) ? id : UnkId;

    public void Save(string path) => VocabularyFile.WriteEntries(path, entries);

    /// <summary>
    /// A vocabulary in the original's layout built from text: line 0 a space (id 0 = padding/separator), then the
    /// <paramref name="maxChars"/> most frequent code points (ties by code point), then &lt;unk&gt;.
    /// Whitespace and line breaks are never entries.
    /// </summary>
    public static CharVocabulary Build(IEnumerable<string> corpus, int maxChars)
    {
        var counts = new Dictionary<int, long>();
        foreach (var text in corpus) AddCodePoints(counts, text, 1);
        return FromCounts(counts, maxChars);
    }

    /// <summary>Adds <paramref name="times"/> to the count of each code point of <paramref name="text"/> that may be an
    /// entry (not whitespace, not U+FFFD).</summary>
    public static void AddCodePoints(Dictionary<int, long> counts, string text, long times)
    {
        foreach (var rune in text.EnumerateRunes())
            if (!Tokenization.UnicodeRules.IsPythonSpace(rune.Value) && rune.Value != 0xFFFD)
                counts[rune.Value] = counts.GetValueOrDefault(rune.Value) + times;
    }

    /// <summary>As <see cref="Build"/>, from code-point counts.</summary>
    public static CharVocabulary FromCounts(IReadOnlyDictionary<int, long> counts, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxChars);
        var chars = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(maxChars)
            .Select(kv => new Rune(kv.Key).ToString());
        return new CharVocabulary([" ", .. chars, UnkEntry]);
    }
}
