using System.Text;
using System.Text.RegularExpressions;
using CharBert.Text.IO;

namespace CharBert.Text.Corpora.Brown;

/// <summary>Brown corpus (files c[a-r]NN, one sentence per non-blank line, tokens "word/tag") to
/// <list type="bullet">
/// <item><c>pos/{train,dev,test}.txt</c>: CoNLL 2-column "word TAG" lines, a blank line after each sentence,
/// tags mapped by <see cref="BrownTagMapper"/>;</item>
/// <item><c>pretrain.txt</c>: the train files' sentences as plain text, one per line, a blank line between
/// files (documents); `` and '' become ".</item>
/// </list>
/// Split by file, within every genre: file number NN ending in 0 -> test, ending in 9 -> dev, else train
/// (about 80/10/10 and every genre with 9+ files in all three; no randomness needed).</summary>
public sealed partial class BrownConverter : ICorpusConverter
{
    [GeneratedRegex("^c[a-r][0-9]{2}$")]
    private static partial Regex BrownFileName();

    public bool Needs(string packagePath) => BrownFileName().IsMatch(packagePath);

    public static string SplitOf(string fileName)
    {
        var number = int.Parse(fileName.AsSpan(2, 2));
        return (number % 10) switch { 0 => "test", 9 => "dev", _ => "train" };
    }

    public IReadOnlyList<ConvertedFile> Convert(string packageDirectory, string outputDirectory)
    {
        var files = Directory.EnumerateFiles(packageDirectory)
            .Where(f => BrownFileName().IsMatch(Path.GetFileName(f)))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            throw new DataFormatException(packageDirectory, 0, "no Brown corpus files (c[a-r]NN) found");

        var posDirectory = Path.Combine(outputDirectory, "pos");
        Directory.CreateDirectory(posDirectory);
        var writers = new[] { "train", "dev", "test" }.ToDictionary(s => s, s => new SplitWriter(Path.Combine(posDirectory, s + ".txt")));
        var pretrainPath = Path.Combine(outputDirectory, "pretrain.txt");
        int pretrainDocuments = 0, pretrainSentences = 0;
        using (var pretrain = new StreamWriter(pretrainPath, false, new UTF8Encoding(false)))
        {
            foreach (var file in files)
            {
                var split = SplitOf(Path.GetFileName(file));
                var sentences = ReadSentences(file);
                foreach (var sentence in sentences) writers[split].Write(sentence);
                if (split != "train" || sentences.Count == 0) continue;
                if (pretrainDocuments++ > 0) pretrain.Write('\n');
                foreach (var sentence in sentences)
                    pretrain.Write(string.Join(' ', sentence.Select(t => PlainWord(t.Word))) + "\n");
                pretrainSentences += sentences.Count;
            }
        }
        var result = new List<ConvertedFile>();
        foreach (var (split, writer) in writers)
        {
            writer.Dispose();
            result.Add(new ConvertedFile($"pos/{split}.txt", writer.Sentences, "sentences"));
        }
        result.Add(new ConvertedFile("pretrain.txt", pretrainSentences, "sentences"));
        return result;
    }

    /// <summary>One sentence per non-blank line; each whitespace-separated token split at its last '/'.</summary>
    public static List<List<(string Word, string Tag)>> ReadSentences(string path)
    {
        var sentences = new List<List<(string, string)>>();
        using var reader = LineReader.Open(path);
        foreach (var line in reader.ReadLines())
        {
            var tokens = line.Text.Split([' ', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries);
            if (tokens.Length == 0) continue;
            var sentence = new List<(string, string)>(tokens.Length);
            foreach (var token in tokens)
            {
                var slash = token.LastIndexOf('/');
                if (slash <= 0 || slash == token.Length - 1)
                    throw new DataFormatException(path, line.Number, $"token '{token}' is not word/tag");
                sentence.Add((token[..slash], BrownTagMapper.ToBaseTag(token[(slash + 1)..])));
            }
            sentences.Add(sentence);
        }
        return sentences;
    }

    static string PlainWord(string word) => word is "``" or "''" ? "\"" : word;

    sealed class SplitWriter(string path) : IDisposable
    {
        readonly StreamWriter writer = new(path, false, new UTF8Encoding(false));
        public int Sentences { get; private set; }

        public void Write(List<(string Word, string Tag)> sentence)
        {
            foreach (var (word, tag) in sentence) writer.Write($"{word} {tag}\n");
            writer.Write('\n');
            Sentences++;
        }

        public void Dispose() => writer.Dispose();
    }
}
