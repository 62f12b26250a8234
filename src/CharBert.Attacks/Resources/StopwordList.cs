using System.Runtime.CompilerServices;
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
        foreach (var w in this.words)
            if (Signature(w) is { } bit) signatures[bit >> 6] |= 1UL << bit;
            else anyNonAscii = true;
    }

    /// <summary>One bit per (length, first letter, last letter) of the ASCII words, case folded: most words that are
    /// not in the list miss their bit and need no hash lookup.</summary>
    readonly ulong[] signatures = new ulong[64];
    readonly bool anyNonAscii;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (!anyNonAscii && Signature(word) is { } bit && (signatures[bit >> 6] & (1UL << bit)) == 0) return false;
        return lookup.Contains(word);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int? Signature(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty || word[0] >= 0x80 || word[^1] >= 0x80) return null;
        var hash = (uint)word.Length * 0x9E3779B1u ^ (uint)(word[0] | 0x20) * 0x85EBCA77u ^ (uint)(word[^1] | 0x20) * 0xC2B2AE3Du;
        return (int)(hash >> 20);
    }

    /// <summary>NLTK's 179-word English stopword list (english-stopwords.txt).</summary>
    public static StopwordList English { get; } =
        new("nltk-english-179", EmbeddedTables.ReadText("english-stopwords.txt").Split('\n'));

    public static StopwordList Empty { get; } = new("none", []);
}
