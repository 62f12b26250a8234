namespace CharBert.Text.IO.Tsv;

/// <summary>One TSV line: all raw fields (split on tab only, quotes literal), its line ending, and the schema
/// that names its columns. Writing <see cref="Render"/> reproduces the line byte-for-byte.</summary>
public sealed record TsvRecord(long LineNumber, IReadOnlyList<string> Fields, string Ending, TsvSchema Schema)
{
    public string TextA => Fields[Schema.TextA];
    public string? TextB => Schema.TextB is { } i ? Fields[i] : null;
    public string? Label => Schema.Label is { } i ? Fields[i] : null;
    public string? Id => Schema.Id is { } i ? Fields[i] : null;

    public TsvRecord WithField(int index, string value)
    {
        if (value.AsSpan().IndexOfAny("\t\r\n") >= 0)
            throw new ArgumentException($"a TSV field cannot contain tabs or newlines: '{value}'", nameof(value));
        var fields = Fields.ToArray();
        fields[index] = value;
        return this with { Fields = fields };
    }

    public TsvRecord WithTextA(string value) => WithField(Schema.TextA, value);

    public TsvRecord WithTextB(string value) =>
        WithField(Schema.TextB ?? throw new InvalidOperationException("this layout has no text_b column"), value);

    public string Render() => string.Join('\t', Fields) + Ending;
}
