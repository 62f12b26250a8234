using CharBert.Text.IO;

namespace CharBert.Attacks.Resources;

/// <summary>Natural misspellings. File format: UTF-8 text, one pair per line, <c>correct&lt;TAB&gt;misspelling</c>;
/// a word may have several lines; blank lines and lines starting with '#' are ignored; neither field may be
/// empty or contain whitespace. Lookup is exact first, then lower-cased (a capitalised word then gets its
/// misspelling capitalised).</summary>
public sealed class MisspellingTable
{
    readonly Dictionary<string, List<string>> entries = new(StringComparer.Ordinal);

    public string Source { get; }
    public int Count => entries.Count;

    /// <summary>The length of the longest misspelling (how long a word may become).</summary>
    public int LongestMisspelling { get; private set; }

    MisspellingTable(string source) => Source = source;

    public static MisspellingTable Load(string path) => Parse(Path.GetFileName(path), File.ReadLines(path), path);

    public static MisspellingTable Parse(string source, IEnumerable<string> lines, string pathForErrors)
    {
        var table = new MisspellingTable(source);
        var lineNumber = 0;
        foreach (var line in lines)
        {
            lineNumber++;
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.TrimEnd('\r').Split('\t');
            if (fields.Length != 2)
                throw new DataFormatException(pathForErrors, lineNumber, $"expected 'correct<TAB>misspelling' (2 fields), found {fields.Length}");
            if (fields.Any(f => f.Length == 0 || f.Any(char.IsWhiteSpace)))
                throw new DataFormatException(pathForErrors, lineNumber, "fields must be non-empty single words without whitespace");
            if (!table.entries.TryGetValue(fields[0], out var list)) table.entries[fields[0]] = list = [];
            if (!list.Contains(fields[1]) && fields[1] != fields[0]) list.Add(fields[1]);
            table.LongestMisspelling = Math.Max(table.LongestMisspelling, fields[1].Length);
        }
        return table;
    }

    public IReadOnlyList<string> Lookup(string word)
    {
        if (entries.TryGetValue(word, out var exact)) return exact;
        var lower = word.ToLowerInvariant();
        if (lower == word || !entries.TryGetValue(lower, out var folded)) return [];
        return char.IsUpper(word[0]) ? folded.Select(m => char.ToUpperInvariant(m[0]) + m[1..]).ToArray() : folded;
    }
}
