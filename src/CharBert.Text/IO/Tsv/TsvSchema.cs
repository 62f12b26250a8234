namespace CharBert.Text.IO.Tsv;

/// <summary>A layout resolved against one file: 0-based column indexes.</summary>
public sealed record TsvSchema(int ColumnCount, int TextA, int? TextB, int? Label, int? Id, IReadOnlyList<string>? LabelSet)
{
    public bool HasLabels => Label != null;

    /// <summary>The columns an attack may rewrite (text_a, then text_b when present).</summary>
    public IReadOnlyList<int> TextColumns => TextB is { } b ? [TextA, b] : [TextA];

    /// <summary>The schema a file gets from its first line: the header when the layout has one, else the first record.</summary>
    public static TsvSchema FromFirstLine(TsvLayout layout, IReadOnlyList<string> firstLineFields, string displayPath) =>
        Resolve(layout, layout.HasHeader ? firstLineFields : null, firstLineFields.Count, displayPath);

    public string WrongColumnCount(int found) => $"wrong column count: expected {ColumnCount} tab-separated fields, found {found}";

    /// <summary>True when the layout allows <paramref name="label"/> (any label, or none, when it has no label set).</summary>
    public bool AcceptsLabel(string? label) => LabelSet is null || label is null || LabelSet.Contains(label);

    public string UnknownLabel(string label, string task) =>
        $"unknown label '{label}' for {task} (expected one of: {string.Join(", ", LabelSet ?? [])})";

    internal static TsvSchema Resolve(TsvLayout layout, IReadOnlyList<string>? header, int columnCount, string path)
    {
        int? Find(TsvColumn? column, bool required)
        {
            if (column == null) return null;
            if (column.Index is { } index)
            {
                if (index >= 0 && index < columnCount) return index;
                throw new DataFormatException(path, 1, $"{layout.Task}: column {column} does not exist, the file has {columnCount} columns");
            }
            if (header == null)
                throw new DataFormatException(path, 1, $"{layout.Task}: column {column} is given by name but the layout has no header");
            var found = header.ToList().IndexOf(column.Name!);
            if (found >= 0) return found;
            if (!required) return null;
            throw new DataFormatException(path, 1, $"{layout.Task}: header has no column {column} (header: {string.Join(", ", header)})");
        }

        return new TsvSchema(columnCount,
            Find(layout.TextA, required: true)!.Value,
            Find(layout.TextB, required: true),
            Find(layout.Label, required: !layout.HasHeader),
            Find(layout.Id, required: false),
            layout.LabelSet);
    }
}
