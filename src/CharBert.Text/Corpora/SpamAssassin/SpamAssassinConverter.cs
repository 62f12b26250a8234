using System.Text;
using System.Text.Json;
using CharBert.Text.IO;

namespace CharBert.Text.Corpora.SpamAssassin;

/// <summary>SpamAssassin emails (<c>data/&lt;group&gt;/*.json</c>, field "text" = the raw message) to
/// <c>{train,dev,test}.tsv</c> with header <c>sentence\tlabel</c> (label 1 = spam, 0 = ham; the SST-2 layout).
/// Groups spam-1, spam-2 are spam; easy-ham-1, easy-ham-2, hard-ham-1 are ham. Text: <see cref="EmailText"/>.
/// Emails whose text is empty after cleaning are dropped. Split 80/10/10 per label (stratified) with
/// <see cref="DeterministicSplit"/> (seed 42) over the emails in (group, file name) order; each output
/// file is then in that same order.</summary>
public sealed class SpamAssassinConverter(int maxChars = EmailText.DefaultMaxChars, int seed = DeterministicSplit.DefaultSeed)
    : ICorpusConverter
{
    public static readonly IReadOnlyDictionary<string, int> GroupLabels = new Dictionary<string, int>
    {
        ["easy-ham-1"] = 0, ["easy-ham-2"] = 0, ["hard-ham-1"] = 0, ["spam-1"] = 1, ["spam-2"] = 1,
    };

    sealed record Email(int Order, string Text, int Label);

    public bool Needs(string packagePath)
    {
        var parts = packagePath.Split('/');
        return parts.Length == 3 && parts[0] == "data" && GroupLabels.ContainsKey(parts[1]) && parts[2].EndsWith(".json", StringComparison.Ordinal);
    }

    public IReadOnlyList<ConvertedFile> Convert(string packageDirectory, string outputDirectory)
    {
        var dataDirectory = Path.Combine(packageDirectory, "data");
        var emails = new List<Email>();
        foreach (var (group, label) in GroupLabels.OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var groupDirectory = Path.Combine(dataDirectory, group);
            if (!Directory.Exists(groupDirectory))
                throw new DataFormatException(groupDirectory, 0, "expected SpamAssassin group folder is missing");
            foreach (var file in Directory.EnumerateFiles(groupDirectory, "*.json").Order(StringComparer.Ordinal))
            {
                var text = EmailText.ToClassifierText(ReadRawEmail(file), maxChars);
                if (text.Length > 0) emails.Add(new Email(emails.Count, text, label));
            }
        }
        if (emails.Count == 0) throw new DataFormatException(dataDirectory, 0, "no SpamAssassin emails found");

        var splits = new Dictionary<string, List<Email>> { ["train"] = [], ["dev"] = [], ["test"] = [] };
        foreach (var byLabel in emails.GroupBy(e => e.Label).OrderBy(g => g.Key))
        {
            var (train, dev, test) = DeterministicSplit.Split(byLabel.ToList(), seed);
            splits["train"].AddRange(train);
            splits["dev"].AddRange(dev);
            splits["test"].AddRange(test);
        }
        Directory.CreateDirectory(outputDirectory);
        var result = new List<ConvertedFile>();
        foreach (var (split, items) in splits)
        {
            using var writer = new StreamWriter(Path.Combine(outputDirectory, split + ".tsv"), false, new UTF8Encoding(false));
            writer.Write("sentence\tlabel\n");
            foreach (var email in items.OrderBy(e => e.Order)) writer.Write($"{email.Text}\t{email.Label}\n");
            result.Add(new ConvertedFile(split + ".tsv", items.Count, "emails"));
        }
        return result;
    }

    static string ReadRawEmail(string path)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(path));
            if (document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String)
                return text.GetString()!;
            throw new DataFormatException(path, "$.text", "missing or not a string");
        }
        catch (JsonException e)
        {
            throw new DataFormatException(path, e.LineNumber + 1 ?? 0, $"invalid JSON: {e.Message}", e);
        }
    }
}
