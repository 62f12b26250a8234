namespace CharBert.Text.IO;

/// <summary>Outputs appear whole or not at all: everything is written under a temporary sibling name that is
/// renamed over the target only when writing succeeded, so a crash or an exception never leaves a half-written
/// file or folder. The one place the toolkit does this.</summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write) =>
        WriteViaTempPath(path, temp =>
        {
            using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024);
            write(stream);
        });

    public static void WriteAllText(string path, string text) =>
        Write(path, stream => { using var writer = new StreamWriter(stream); writer.Write(text); });

    /// <summary>For writers that take a path (TorchSharp, CsvHelper): <paramref name="writeTemp"/> fills the temp file.</summary>
    public static void WriteViaTempPath(string path, Action<string> writeTemp)
    {
        var full = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            writeTemp(temp);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    /// <summary>Fills a temp directory, then renames it to <paramref name="path"/> (which must not exist).</summary>
    public static void WriteDirectory(string path, Action<string> fillTemp)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".tmp-{Path.GetFileName(full)}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            fillTemp(temp);
            Directory.Move(temp, full);
        }
        finally
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        }
    }
}
