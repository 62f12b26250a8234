namespace CharBert.Text.IO;

/// <summary>Plain UTF-8 text (pre-training corpora, word-recogniser training text), read lazily line by line with the
/// checks every reader makes (<see cref="LineReader"/>): a missing file or a folder, invalid UTF-8 and NUL bytes are a
/// <see cref="DataFormatException"/> naming the file and line.</summary>
public static class PlainText
{
    public static IEnumerable<string> ReadLines(string path)
    {
        using var reader = LineReader.Open(path);
        foreach (var line in reader.ReadLines()) yield return line.Text;
    }
}
