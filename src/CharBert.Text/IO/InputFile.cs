namespace CharBert.Text.IO;

/// <summary>Opens the readers' input files; a missing file, or a folder given as a file, is bad input (<see cref="DataFormatException"/>).</summary>
public static class InputFile
{
    /// <summary>Checks that <paramref name="path"/> is an existing file, before any work: "--train file x.txt not found",
    /// "x is a folder, not a file".</summary>
    /// <param name="what">What the file is, for the message, e.g. "--train file".</param>
    public static void Require(string path, string what)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, $"is a folder, not a file ({what})");
        if (!File.Exists(path)) throw new FileNotFoundException($"{what} {path} not found", path);
    }

    public static FileStream OpenRead(string path) => NotFoundIsBadInput(path, () => File.OpenRead(path));

    public static byte[] ReadAllBytes(string path) => NotFoundIsBadInput(path, () => File.ReadAllBytes(path));

    static T NotFoundIsBadInput<T>(string path, Func<T> open)
    {
        if (Directory.Exists(path)) throw new DataFormatException(path, 0, "is a folder, not a file");
        try
        {
            return open();
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new DataFormatException(path, 0, "file not found", e);
        }
    }
}
