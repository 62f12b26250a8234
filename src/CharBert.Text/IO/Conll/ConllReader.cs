namespace CharBert.Text.IO.Conll;

/// <summary>Streams the sentences of a CoNLL file (CoNLL-2003 4-column, 2-column word/tag; tab or space
/// separated), one pass and one sentence in memory. Every token line must have the column count of the first.</summary>
public sealed class ConllReader : IDisposable
{
    readonly LineReader lines;
    readonly ConllOptions options;

    public ConllReader(Stream stream, string displayPath, ConllOptions? options = null)
        : this(new LineReader(stream, displayPath), options) { }

    ConllReader(LineReader lines, ConllOptions? options)
    {
        this.lines = lines;
        this.options = options ?? ConllOptions.Default;
    }

    public static ConllReader Open(string path, ConllOptions? options = null) => new(LineReader.Open(path), options);

    public bool HasBom => lines.HasBom;
    public string DisplayPath => lines.DisplayPath;

    /// <summary>Columns per token line, known once the first token line has been read.</summary>
    public int? ColumnCount { get; private set; }

    /// <summary>Token lines with extra fields read under <see cref="ConllOptions.LenientColumns"/>, and the first of them.</summary>
    public int LenientLines { get; private set; }
    public long? FirstLenientLine { get; private set; }

    public IEnumerable<ConllSentence> ReadSentences()
    {
        var before = new List<ConllOtherLine>();
        var tokens = new List<ConllTokenLine>();
        ConllSentence? finished = null; // held back until we know whether lines after it belong to a next sentence
        var labelColumn = -1;
        var sawAnyLine = false;

        foreach (var line in lines.ReadLines())
        {
            sawAnyLine = true;
            if (line.IsBlank || ConllOtherLine.IsDocStartText(line.Text))
            {
                if (tokens.Count > 0)
                {
                    finished = new ConllSentence(before.ToArray(), tokens.ToArray(), [], labelColumn);
                    before.Clear();
                    tokens.Clear();
                }
                before.Add(new ConllOtherLine(line.Number, line.Text, line.Ending));
                continue;
            }

            var token = ConllTokenLine.Parse(line);
            if (ColumnCount is null)
            {
                ColumnCount = token.Fields.Count;
                var (index, error) = options.ResolveLabelColumn(token.Fields.Count);
                if (error != null) throw new DataFormatException(DisplayPath, line.Number, error);
                labelColumn = index;
            }
            else if (options.LenientColumns && token.Fields.Count > ColumnCount)
            {
                if (labelColumn != ColumnCount - 1)
                    throw new DataFormatException(DisplayPath, line.Number,
                        $"{token.Fields.Count} columns where the first token line has {ColumnCount}: lenient reading takes the last field as the label, " +
                        $"but the label column is {labelColumn}, not the last");
                token = KeepWordAndLastFields(token, ColumnCount.Value);
                LenientLines++;
                FirstLenientLine ??= line.Number;
            }
            else if (token.Fields.Count != ColumnCount)
            {
                throw new DataFormatException(DisplayPath, line.Number, ConllByteLines.WrongColumnCount(ColumnCount.Value, token.Fields.Count) +
                    (options.LenientColumns ? " (lenient reading accepts extra fields, not missing ones; the first token line sets the count)" : ""));
            }

            if (tokens.Count == 0 && finished != null)
            {
                yield return finished;
                finished = null;
            }
            tokens.Add(token);
        }

        if (!sawAnyLine) throw new DataFormatException(DisplayPath, 0, "empty file");
        if (tokens.Count > 0)
        {
            if (finished != null) yield return finished;
            yield return new ConllSentence(before.ToArray(), tokens.ToArray(), [], labelColumn);
        }
        else if (finished != null)
        {
            yield return finished with { After = before.ToArray() };
        }
        else
        {
            throw new DataFormatException(DisplayPath, 0, ConllByteLines.NoSentences);
        }
    }

    /// <summary>The first field (the word, as the original reader takes it) and the last <c>columns − 1</c> fields, with
    /// the separators around them; the fields in between (the rest of the split word) are dropped.</summary>
    static ConllTokenLine KeepWordAndLastFields(ConllTokenLine token, int columns)
    {
        var extra = token.Fields.Count - columns;
        var fields = token.Fields.Take(1).Concat(token.Fields.Skip(1 + extra)).ToArray();
        var separators = token.Separators.Take(1).Concat(token.Separators.Skip(1 + extra)).ToArray();
        return token with { Fields = fields, Separators = separators };
    }

    public void Dispose() => lines.Dispose();
}
