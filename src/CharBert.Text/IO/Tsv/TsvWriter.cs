namespace CharBert.Text.IO.Tsv;

/// <summary>Writes a header (if any) and records back exactly as read, plus whatever fields were replaced.</summary>
public static class TsvWriter
{
    public static void Write(string path, TsvRecord? header, IEnumerable<TsvRecord> records, bool withBom) =>
        AtomicFile.Write(path, stream => Write(stream, header, records, withBom));

    public static void Write(Stream stream, TsvRecord? header, IEnumerable<TsvRecord> records, bool withBom)
    {
        using var writer = Utf8Output.Create(stream, withBom);
        if (header != null) writer.Write(header.Render());
        foreach (var record in records) writer.Write(record.Render());
    }
}
