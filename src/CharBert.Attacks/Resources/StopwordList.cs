namespace CharBert.Attacks.Resources;

/// <summary>A case-insensitive word list; lookups take spans so the hot path allocates nothing.</summary>
public sealed class StopwordList
{
    readonly HashSet<string> words;
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> lookup;

    public string Name { get; }
    public int Count => words.Count;

    public StopwordList(string name, IEnumerable<string> words)
    {
        Name = name;
        this.words = new HashSet<string>(words.Select(w => w.Trim()).Where(w => w.Length > 0), StringComparer.OrdinalIgnoreCase);
        lookup = this.words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool Contains(ReadOnlySpan<char> word) => lookup.Contains(word);

    /// <summary>NLTK's 179-word English stopword list (english-stopwords.txt).</summary>
    public static StopwordList English { get; } =
        new("nltk-english-179", EmbeddedTables.ReadText("english-stopwords.txt").Split('\n'));

    public static StopwordList Empty { get; } = new("none", []);
}
