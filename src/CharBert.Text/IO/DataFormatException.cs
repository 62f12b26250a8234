namespace CharBert.Text.IO;

/// <summary>Bad input in a data file: names the file, the line (1-based; 0 when unknown) or JSON path, and
/// what is wrong. The CLI prints <see cref="Exception.Message"/> alone and exits non-zero.</summary>
public sealed class DataFormatException : Exception
{
    public string FilePath { get; }
    public long Line { get; }
    public string Problem { get; }

    public DataFormatException(string filePath, long line, string problem, Exception? inner = null)
        : base(line > 0 ? $"{filePath}:{line}: {problem}" : $"{filePath}: {problem}", inner)
    {
        FilePath = filePath;
        Line = line;
        Problem = problem;
    }

    public DataFormatException(string filePath, string jsonPath, string problem, Exception? inner = null)
        : base($"{filePath} at {jsonPath}: {problem}", inner)
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>A byte that is not valid UTF-8; <paramref name="byteInLine"/> is 1-based.</summary>
    public static DataFormatException InvalidUtf8(string filePath, long line, byte value, long byteInLine, Exception? inner = null) =>
        new(filePath, line, $"invalid UTF-8 (byte 0x{value:X2} at byte {byteInLine} of the line)", inner);

    /// <summary>A NUL byte, the mark of a binary file or of UTF-16 text; <paramref name="byteInLine"/> is 1-based.</summary>
    public static DataFormatException NulByte(string filePath, long line, long byteInLine) =>
        new(filePath, line, $"NUL byte at byte {byteInLine} of the line (a binary file, or text not saved as UTF-8)");
}
