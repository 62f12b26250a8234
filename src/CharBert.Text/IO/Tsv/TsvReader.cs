namespace CharBert.Text.IO.Tsv;

/// <summary>Streams the records of a GLUE-style TSV. The header (if the layout has one) is read on open;
/// every line must have the header's (or the first line's) column count, and labels must be in the layout's set.</summary>
public sealed class TsvReader : IDisposable
{
    readonly LineReader lines;
    readonly IEnumerator<SourceLine> pending;
    readonly SourceLine? firstDataLine;

    public bool HasBom => lines.HasBom;
    public string DisplayPath => lines.DisplayPath;
    public TsvLayout Layout { get; }
    public TsvSchema Schema { get; }
    public TsvRecord? Header { get; }

    public TsvReader(Stream stream, string displayPath, TsvLayout layout) : this(new LineReader(stream, displayPath), layout) { }

    TsvReader(LineReader lines, TsvLayout layout)
    {
        this.lines = lines;
        Layout = layout;
        pending = lines.ReadLines().GetEnumerator();
        if (!pending.MoveNext()) throw new DataFormatException(DisplayPath, 0, "empty file");
        var first = pending.Current;
        var firstFields = first.Text.Split('\t');
        Schema = TsvSchema.FromFirstLine(layout, firstFields, DisplayPath);
        if (layout.HasHeader) Header = new TsvRecord(first.Number, firstFields, first.Ending, Schema);
        else firstDataLine = first;
    }

    public static TsvReader Open(string path, TsvLayout layout) => new(LineReader.Open(path), layout);

    public IEnumerable<TsvRecord> ReadRecords()
    {
        if (firstDataLine is { } first) yield return Parse(first);
        while (pending.MoveNext()) yield return Parse(pending.Current);
    }

    TsvRecord Parse(SourceLine line)
    {
        var fields = line.Text.Split('\t');
        if (fields.Length != Schema.ColumnCount)
            throw new DataFormatException(DisplayPath, line.Number, Schema.WrongColumnCount(fields.Length));
        var record = new TsvRecord(line.Number, fields, line.Ending, Schema);
        if (!Schema.AcceptsLabel(record.Label))
            throw new DataFormatException(DisplayPath, line.Number, Schema.UnknownLabel(record.Label!, Layout.Task));
        return record;
    }

    public void Dispose()
    {
        pending.Dispose();
        lines.Dispose();
    }
}
