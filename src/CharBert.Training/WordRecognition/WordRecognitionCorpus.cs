using CharBert.Text.IO;

namespace CharBert.Training.WordRecognition;

public enum CorpusFormat { Auto, Text, Conll }

/// <summary>Reads sentences (arrays of words) for ScRNN training and evaluation: plain text (one sentence
/// per line, words separated by whitespace) or CoNLL (word in the first column, blank line between
/// sentences, every row with the same number of columns). Auto picks CoNLL when the first 20 non-blank lines
/// all have the same number (2..10) of columns, which sentences of running text practically never do.</summary>
public static class WordRecognitionCorpus
{
    const int SniffLines = 20;

    public static IReadOnlyList<string[]> ReadSentences(string path, CorpusFormat format = CorpusFormat.Auto)
    {
        if (format == CorpusFormat.Auto) format = LooksLikeConll(path) ? CorpusFormat.Conll : CorpusFormat.Text;
        return format == CorpusFormat.Conll ? ReadConll(path) : ReadText(path);
    }

    static string[] Columns(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    static bool LooksLikeConll(string path)
    {
        var counts = PlainText.ReadLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).Take(SniffLines)
            .Select(l => Columns(l).Length).ToArray();
        return counts.Length > 1 && counts.All(c => c == counts[0]) && counts[0] is >= 2 and <= 10;
    }

    static IReadOnlyList<string[]> ReadText(string path) =>
        PlainText.ReadLines(path).Select(Columns).Where(words => words.Length > 0).ToArray();

    static IReadOnlyList<string[]> ReadConll(string path)
    {
        var sentences = new List<string[]>();
        var current = new List<string>();
        var columnCount = 0;
        long lineNumber = 0;
        foreach (var line in PlainText.ReadLines(path))
        {
            lineNumber++;
            var columns = Columns(line);
            if (columns.Length == 0)
            {
                if (current.Count > 0) sentences.Add(current.ToArray());
                current.Clear();
                continue;
            }
            if (columns[0] == "-DOCSTART-") continue;
            if (columnCount == 0) columnCount = columns.Length;
            else if (columns.Length != columnCount)
                throw new DataFormatException(path, lineNumber, $"expected {columnCount} columns like the first row, found {columns.Length}");
            current.Add(columns[0]);
        }
        if (current.Count > 0) sentences.Add(current.ToArray());
        return sentences;
    }
}
