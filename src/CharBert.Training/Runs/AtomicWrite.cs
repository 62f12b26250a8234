namespace CharBert.Training.Runs;

/// <summary>Output files appear whole or not at all: write a sibling temp file (or directory), then rename it
/// over the target. (CharBert.Experiments has a file helper too but sits above this project.)</summary>
public static class AtomicWrite
{
    public static void Text(string path, string text) => File(path, temp => System.IO.File.WriteAllText(temp, text));

    public static void File(string path, Action<string> writeTemp)
    {
        var full = Path.GetFullPath(path);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var temp = $"{full}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        try
        {
            writeTemp(temp);
            System.IO.File.Move(temp, full, overwrite: true);
        }
        finally
        {
            if (System.IO.File.Exists(temp)) System.IO.File.Delete(temp);
        }
    }

    /// <summary>Fills a temp directory, then renames it to <paramref name="path"/> (which must not exist).</summary>
    public static void Directory(string path, Action<string> fillTemp)
    {
        var full = Path.GetFullPath(path);
        var temp = Path.Combine(Path.GetDirectoryName(full)!, $".tmp-{Path.GetFileName(full)}-{Guid.NewGuid():N}");
        System.IO.Directory.CreateDirectory(temp);
        try
        {
            fillTemp(temp);
            System.IO.Directory.Move(temp, full);
        }
        finally
        {
            if (System.IO.Directory.Exists(temp)) System.IO.Directory.Delete(temp, recursive: true);
        }
    }
}
