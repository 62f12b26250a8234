using CharBert.Text.Tokenization;

namespace CharBert.Text.Vocab;

/// <summary>Word frequencies of a corpus, read one line at a time: the WordPiece pre-tokenisation's words (BERT's
/// <see cref="BasicTokenizer"/>, cased or uncased; words longer than the tokenizer's limit left out, as it makes them
/// [UNK]) and the NLM's term forms (<see cref="CorpusWords"/>, lower-cased). All three vocabularies are built from these.</summary>
public sealed class CorpusWordCounts(bool lowerCase, int maxInputCharsPerWord = 100)
{
    readonly BasicTokenizer basic = new(lowerCase, splitCjkIdeographs: true);
    readonly HashSet<string> neverSplit = [];

    public Dictionary<string, long> PreTokenized { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, long> Terms { get; } = new(StringComparer.Ordinal);

    public void Add(string line)
    {
        AddPreTokenized(line);
        AddTerms(line);
    }

    public void AddPreTokenized(string line)
    {
        foreach (var word in basic.Tokenize(line, neverSplit))
            if (word.EnumerateRunes().Count() <= maxInputCharsPerWord)
                PreTokenized[word] = PreTokenized.GetValueOrDefault(word) + 1;
    }

    public void AddTerms(string line)
    {
        foreach (var word in CorpusWords.Split(line))
        {
            var term = CorpusWords.TermForm(word);
            Terms[term] = Terms.GetValueOrDefault(term) + 1;
        }
    }
}
