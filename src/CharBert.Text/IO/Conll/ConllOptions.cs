namespace CharBert.Text.IO.Conll;

/// <summary>Which column is the label. Give a name (<c>word, pos, chunk, ner</c> for 4-column CoNLL-2003,
/// <c>word, tag</c> for 2-column files) or a 0-based index; with neither, the last column is the label.</summary>
public sealed record ConllOptions
{
    public string? LabelColumnName { get; init; }
    public int? LabelColumnIndex { get; init; }
    /// <summary>Accept token lines with MORE fields than the first token line, as the original run_ner.py reads them
    /// (first field = word, last field = label): such a line keeps its first field as the word and its last fields as the
    /// other columns. Meant for files where an edit inserted a space into a word (the CharBERT authors' CharAttack_NER);
    /// the label must be the last column. The reader counts the lines it read this way (<see cref="ConllReader.LenientLines"/>).</summary>
    public bool LenientColumns { get; init; }

    public static ConllOptions Default { get; } = new();
    public static ConllOptions Ner { get; } = new() { LabelColumnName = "ner" };
    public static ConllOptions Pos { get; } = new() { LabelColumnName = "pos" };

    internal static IReadOnlyList<string> ColumnNames(int columnCount) => columnCount switch
    {
        4 => ["word", "pos", "chunk", "ner"],
        2 => ["word", "tag"],
        _ => [],
    };

    /// <summary>The label column's index for a file with <paramref name="columnCount"/> columns, or an error message.</summary>
    internal (int Index, string? Error) ResolveLabelColumn(int columnCount)
    {
        if (LabelColumnName != null && LabelColumnIndex != null)
            return (-1, "give the label column by name or by index, not both");
        if (LabelColumnIndex is { } index)
            return index >= 1 && index < columnCount
                ? (index, null)
                : (-1, $"label column index {index} is out of range: the file has {columnCount} columns and column 0 is the word");
        if (LabelColumnName is { } name)
        {
            var names = ColumnNames(columnCount);
            var found = names.ToList().FindIndex(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            return found >= 1
                ? (found, null)
                : (-1, $"label column '{name}' not found: a {columnCount}-column file has columns " +
                       (names.Count > 0 ? string.Join(", ", names) : "without known names (give an index)"));
        }
        return columnCount >= 2 ? (columnCount - 1, null) : (-1, "a token line needs at least 2 columns (word and label)");
    }
}
