using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Chunks;
using CharBert.Text.IO.Tsv;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>GLUE-style TSV: one record per (line, attacked text column), id "L&lt;line&gt;c&lt;column&gt;", words =
/// whitespace-separated words of the field. Labels, ids and every other byte are left as read; lines are checked
/// as <see cref="TsvReader"/> checks them (column count, label set).</summary>
/// <param name="columns">Text columns to attack, by header name or 0-based index (default: all of the layout's).</param>
public sealed class TsvAttackFormat(TsvLayout layout, IReadOnlyList<string>? columns = null) : IAttackFormat
{
    public WordGranularity WordKind => WordGranularity.Sentence;

    public IAttackReader Open(Stream input, string displayPath, int chunkBytes = LineChunkReader.DefaultChunkBytes)
    {
        var lines = new LineChunkReader(input, displayPath, chunkBytes);
        try
        {
            return new Reader(lines, layout, columns);
        }
        catch
        {
            lines.Dispose();
            throw;
        }
    }

    static int ResolveColumn(string column, IReadOnlyList<string>? header, TsvSchema schema)
    {
        var index = int.TryParse(column, out var i) ? i : header?.ToList().IndexOf(column) ?? -1;
        if (index < 0 || index >= schema.ColumnCount)
            throw new ArgumentException($"no TSV column '{column}' (header: {string.Join(", ", header ?? [])})");
        if (index == schema.Label || index == schema.Id)
            throw new ArgumentException($"column '{column}' is the label or id column; only text columns may be attacked");
        return index;
    }

    sealed class Reader : IAttackReader
    {
        readonly LineChunkReader lines;
        readonly TsvSchema schema;
        readonly string task;
        readonly int[] attacked;
        LineChunk? firstData;

        public ReadOnlyMemory<byte> Preamble { get; }
        public long BytesRead => lines.BytesRead;

        public Reader(LineChunkReader lines, TsvLayout layout, IReadOnlyList<string>? columns)
        {
            this.lines = lines;
            task = layout.Task;
            if (lines.IsEmpty) throw new DataFormatException(lines.DisplayPath, 0, "empty file");
            var first = lines.ReadLine()!;
            new LineCursor(first.Bytes).Next(out var line);
            if (Utf8Check.FirstProblem(first.Bytes, 1, lines.DisplayPath, rejectNul: false) is { } problem) throw problem;
            var fields = Utf8Check.Decode(line.Text(first.Bytes)).Split('\t');
            schema = TsvSchema.FromFirstLine(layout, fields, lines.DisplayPath);
            attacked = columns is null || columns.Count == 0
                ? schema.TextColumns.ToArray()
                : columns.Select(c => ResolveColumn(c, layout.HasHeader ? fields : null, schema)).Distinct().ToArray();
            if (layout.HasHeader)
            {
                var preamble = new byte[(lines.HasBom ? Bom.Bytes.Length : 0) + first.Length];
                if (lines.HasBom) Bom.Bytes.Span.CopyTo(preamble);
                first.Bytes.CopyTo(preamble.AsSpan(preamble.Length - first.Length));
                Preamble = preamble;
                first.Dispose();
            }
            else
            {
                Preamble = lines.HasBom ? Bom.Bytes : ReadOnlyMemory<byte>.Empty;
                firstData = first;
            }
        }

        public AttackChunk? Read()
        {
            var chunk = firstData ?? lines.Read();
            firstData = null;
            return chunk == null ? null : new Chunk(chunk, lines.DisplayPath, schema, task, attacked);
        }

        public void Dispose()
        {
            firstData?.Dispose();
            lines.Dispose();
        }
    }

    sealed class Chunk(LineChunk lines, string displayPath, TsvSchema schema, string task, int[] attacked)
        : LineAttackChunk(lines, lines.Length / 4, ChunkWords.HasNoWhitespace, WordGranularity.Sentence)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Parse()
        {
            var bytes = Lines.Bytes;
            var problem = Utf8Check.FirstProblem(bytes, Lines.FirstLine, displayPath, rejectNul: false);
            Span<char> idBuffer = stackalloc char[40];
            Span<Range> fields = stackalloc Range[schema.ColumnCount];
            var number = Lines.FirstLine;
            for (var cursor = new LineCursor(bytes); cursor.Next(out var line); number++)
            {
                if (problem != null && problem.Line == number) throw problem;
                var text = line.Text(bytes);
                var count = text.Count((byte)'\t') + 1;
                if (count != schema.ColumnCount) throw new DataFormatException(displayPath, number, schema.WrongColumnCount(count));
                SplitFields(text, fields);
                if (schema.Label is { } labelColumn && schema.LabelSet != null)
                {
                    var label = Utf8Check.Decode(text[fields[labelColumn]]);
                    if (!schema.AcceptsLabel(label)) throw new DataFormatException(displayPath, number, schema.UnknownLabel(label, task));
                }
                foreach (var column in attacked)
                {
                    Words.AddWhitespaceWords(text[fields[column]], line.Start + fields[column].Start.Value);
                    var written = RecordIds.Write(idBuffer, 'L', number);
                    idBuffer[written++] = 'c';
                    written += RecordIds.WriteNumber(idBuffer[written..], column);
                    Words.EndRecord(idBuffer[..written]);
                }
            }
            if (problem != null) throw problem;
        }

        /// <summary>Fills one range per tab-separated field (the caller checked the count).</summary>
        static void SplitFields(ReadOnlySpan<byte> text, Span<Range> fields)
        {
            var start = 0;
            for (var f = 0; f < fields.Length - 1; f++)
            {
                var tab = start + text[start..].IndexOf((byte)'\t');
                fields[f] = start..tab;
                start = tab + 1;
            }
            fields[^1] = start..text.Length;
        }
    }
}
