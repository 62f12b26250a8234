namespace CharBert.Text.IO;

/// <summary>Opens the readers' input files; a missing file or folder is bad input (<see cref="DataFormatException"/>).</summary>
public static class InputFile
{
    public static FileStream OpenRead(string path) => NotFoundIsBadInput(path, () => File.OpenRead(path));

    public static byte[] ReadAllBytes(string path) => NotFoundIsBadInput(path, () => File.ReadAllBytes(path));

    static T NotFoundIsBadInput<T>(string path, Func<T> open)
    {
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
