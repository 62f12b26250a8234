using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.IO;

namespace CharBert.Text.Corpora.Sotu;

/// <summary>State of the Union addresses (<c>data/*.txt</c>, one address per file) to <c>pretrain.txt</c>:
/// one address per line (whitespace runs collapsed to one space), a blank line between addresses, in
/// file-name order (which is chronological: "1790_george_washington_n.txt").</summary>
public sealed partial class SotuConverter : ICorpusConverter
{
    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public bool Needs(string packagePath) =>
        packagePath.StartsWith("data/", StringComparison.Ordinal) && packagePath.EndsWith(".txt", StringComparison.Ordinal)
        && packagePath.IndexOf('/', "data/".Length) < 0;

    public IReadOnlyList<ConvertedFile> Convert(string packageDirectory, string outputDirectory)
    {
        var dataDirectory = Path.Combine(packageDirectory, "data");
        var files = Directory.Exists(dataDirectory)
            ? Directory.EnumerateFiles(dataDirectory, "*.txt").Order(StringComparer.Ordinal).ToList()
            : [];
        if (files.Count == 0) throw new DataFormatException(dataDirectory, 0, "no State of the Union .txt files found");

        Directory.CreateDirectory(outputDirectory);
        var documents = 0;
        using var writer = new StreamWriter(Path.Combine(outputDirectory, "pretrain.txt"), false, new UTF8Encoding(false));
        foreach (var file in files)
        {
            var text = Whitespace().Replace(ReadStrictUtf8(file), " ").Trim();
            if (text.Length == 0) throw new DataFormatException(file, 0, "the address is empty");
            if (documents++ > 0) writer.Write('\n');
            writer.Write(text + "\n");
        }
        return [new ConvertedFile("pretrain.txt", documents, "documents")];
    }

    static string ReadStrictUtf8(string path)
    {
        using var reader = LineReader.Open(path);
        return string.Join('\n', reader.ReadLines().Select(l => l.Text));
    }
}
