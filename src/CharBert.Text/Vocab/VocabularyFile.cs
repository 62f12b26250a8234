using System.Text;

namespace CharBert.Text.Vocab;

/// <summary>Reading and writing one-entry-per-line vocabulary files (line index = id), as the original's readlines() does.</summary>
public static class VocabularyFile
{
    /// <summary>
    /// Lines split on \n, \r or \r\n (Python's universal newlines); a final newline adds no entry. Strict UTF-8:
    /// a missing file or invalid bytes throw <see cref="IO.DataFormatException"/> naming the file and line.
    /// </summary>
    public static string[] ReadEntries(string path)
    {
        using var reader = IO.LineReader.Open(path);
        return ReadEntries(reader);
    }

    /// <summary>As <see cref="ReadEntries(string)"/>, from a stream; <paramref name="displayPath"/> names it in errors.</summary>
    public static string[] ReadEntries(Stream stream, string displayPath)
    {
        using var reader = new IO.LineReader(stream, displayPath);
        return ReadEntries(reader);
    }

    static string[] ReadEntries(IO.LineReader reader)
    {
        var entries = new List<string>();
        foreach (var line in reader.ReadLines())
            entries.AddRange(line.Text.Split('\r'));
        return entries.ToArray();
    }

    /// <summary>Writes one entry per line (each followed by \n) to a temp file, then renames it over <paramref name="path"/>.</summary>
    public static void WriteEntries(string path, IEnumerable<string> entries)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = full + ".tmp-" + Environment.ProcessId;
        using (var writer = new StreamWriter(temp, false, new UTF8Encoding(false)))
        {
            writer.NewLine = "\n";
            foreach (var entry in entries)
            {
                if (entry.Contains('\n') || entry.Contains('\r'))
                    throw new ArgumentException($"Vocabulary entry contains a line break: {entry}");
                writer.WriteLine(entry);
            }
        }
        File.Move(temp, full, overwrite: true);
    }
}
