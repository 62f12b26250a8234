using CharBert.Attacks.Generation;
using CharBert.Text.IO.Tsv;

namespace CharBert.Attacks.Formats;

/// <summary>GLUE-style TSV: one record per (line, attacked text column), id "L&lt;line&gt;c&lt;column&gt;", words =
/// whitespace-separated words of the field. Labels, ids and every other byte are left as read.</summary>
public sealed class TsvAttackDocument : IAttackDocument
{
    readonly TsvRecord? _header;
    readonly IReadOnlyList<TsvRecord> _rows;
    readonly bool _hasBom;
    readonly IReadOnlyList<(int Row, int Column, WhitespaceWords Words)> _fields;

    public string FileName { get; }
    public IReadOnlyList<AttackRecordInput> Records { get; }

    TsvAttackDocument(string fileName, TsvRecord? header, IReadOnlyList<TsvRecord> rows, bool hasBom, IReadOnlyList<int> columns)
    {
        FileName = fileName;
        _header = header;
        _rows = rows;
        _hasBom = hasBom;
        _fields = (from r in Enumerable.Range(0, rows.Count)
                   from c in columns
                   select (r, c, WhitespaceWords.Split(rows[r].Fields[c]))).ToArray();
        Records = _fields.Select(f => new AttackRecordInput($"L{rows[f.Row].LineNumber}c{f.Column}", f.Words.Words)).ToArray();
    }

    /// <summary>Reads <paramref name="path"/> with a GLUE layout; <paramref name="columns"/> picks text columns by
    /// header name or 0-based index (default: all of the layout's text columns).</summary>
    public static TsvAttackDocument Load(string path, TsvLayout layout, IReadOnlyList<string>? columns = null)
    {
        using var reader = TsvReader.Open(path, layout);
        var rows = reader.ReadRecords().ToArray();
        var schema = reader.Schema;
        var chosen = columns is null || columns.Count == 0
            ? schema.TextColumns.ToArray()
            : columns.Select(c => ResolveColumn(c, reader.Header, schema)).Distinct().ToArray();
        return new TsvAttackDocument(Path.GetFileName(path), reader.Header, rows, reader.HasBom, chosen);
    }

    static int ResolveColumn(string column, TsvRecord? header, TsvSchema schema)
    {
        var index = int.TryParse(column, out var i) ? i : header?.Fields.ToList().IndexOf(column) ?? -1;
        if (index < 0 || index >= schema.ColumnCount)
            throw new ArgumentException($"no TSV column '{column}' (header: {string.Join(", ", header?.Fields ?? [])})");
        if (index == schema.Label || index == schema.Id)
            throw new ArgumentException($"column '{column}' is the label or id column; only text columns may be attacked");
        return index;
    }

    public void Write(string path, IReadOnlyList<AttackRecordResult> results)
    {
        var rows = _rows.ToArray();
        for (var f = 0; f < _fields.Count; f++)
        {
            if (!results[f].Changed) continue;
            var (row, column, words) = _fields[f];
            rows[row] = rows[row].WithField(column, words.Rebuild(results[f].Words));
        }
        TsvWriter.Write(path, _header, rows, _hasBom);
    }
}
