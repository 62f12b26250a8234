using CharBert.Text.IO;
using CharBert.Text.Tokenization;

namespace CharBert.Training.PreTraining;

/// <summary>Streams the words of a plain-text pre-training corpus. The original joins its lines into one
/// stream (1000 lines per read) before word tokenisation, so document boundaries do not matter: one document
/// per line and blank-line separated documents read the same; blank lines are skipped. Words as
/// <see cref="CorpusWords"/> splits them.</summary>
public static class PretrainingCorpus
{
    public static IEnumerable<string> ReadWords(string path)
    {
        foreach (var line in PlainText.ReadLines(path))
            foreach (var word in SplitWords(line))
                yield return word;
    }

    public static IEnumerable<string> SplitWords(string text) => CorpusWords.Split(text);
}
