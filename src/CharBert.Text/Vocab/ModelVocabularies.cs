using System.Text.RegularExpressions;
using CharBert.Text.Tokenization;

namespace CharBert.Text.Vocab;

/// <summary>CharBERT's character and term vocabularies for a pretrained BERT that ships only a WordPiece vocab.txt.
/// The char channel reads the characters of WordPiece tokens (continuation "##" stripped), so the characters of the
/// vocabulary's entries are exactly the ones it can meet; the NLM labels a noised word by its lower-cased form, so the
/// terms are the vocabulary's whole-word entries, lower-cased. Both are deterministic functions of vocab.txt.</summary>
public static partial class ModelVocabularies
{
    /// <summary>The original's term vocabulary holds 30,000 words + &lt;unk&gt;.</summary>
    public const int DefaultTermCount = 30000;

    [GeneratedRegex(@"^\[[A-Za-z0-9_]+\]$")]
    private static partial Regex SpecialEntryPattern();

    /// <summary>[PAD], [CLS], [unused17] and the like: entries that no text produces.</summary>
    public static bool IsSpecialEntry(string entry) => SpecialEntryPattern().IsMatch(entry);

    /// <summary>Every character of the vocabulary's entries (specials left out, "##" stripped), most frequent first
    /// (ties by code point), in the original layout: a space line first, &lt;unk&gt; last.</summary>
    public static CharVocabulary CharsFromWordPiece(IEnumerable<string> entries) =>
        CharVocabulary.Build(entries.Where(e => !IsSpecialEntry(e)).Select(StripContinuation), int.MaxValue);

    /// <summary>The vocabulary's whole-word entries (no "##" piece, no special), lower-cased (Python's str.lower(), as the
    /// NLM looks words up), first occurrence kept, in vocabulary order, at most <paramref name="maxTerms"/>; then &lt;unk&gt;.</summary>
    public static TermVocabulary TermsFromWordPiece(IEnumerable<string> entries, int maxTerms = DefaultTermCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxTerms);
        var terms = entries
            .Where(e => e.Length > 0 && !IsSpecialEntry(e) && !e.StartsWith(SpecialTokens.ContinuationPrefix, StringComparison.Ordinal))
            .Select(PythonCase.Lower)
            .Where(e => e != TermVocabulary.UnkEntry)
            .Distinct(StringComparer.Ordinal)
            .Take(maxTerms);
        return new TermVocabulary([.. terms, TermVocabulary.UnkEntry]);
    }

    /// <summary>Writes the character and term vocabularies that <paramref name="directory"/> lacks, derived from its
    /// vocab.txt; files already there are kept. Returns the names of the files written.</summary>
    public static IReadOnlyList<string> CompleteModelDirectory(string directory, int maxTerms = DefaultTermCount)
    {
        var vocabPath = Path.Combine(directory, ModelVocabularyFiles.WordPiece);
        if (!File.Exists(vocabPath))
            throw new FileNotFoundException($"{vocabPath} not found: the character and term vocabularies are derived from a model's vocab.txt", vocabPath);
        var written = new List<string>();
        var charsPath = Path.Combine(directory, ModelVocabularyFiles.Chars);
        var termsPath = Path.Combine(directory, ModelVocabularyFiles.Terms);
        if (File.Exists(charsPath) && File.Exists(termsPath)) return written;
        var entries = VocabularyFile.ReadEntries(vocabPath);
        if (!File.Exists(charsPath))
        {
            CharsFromWordPiece(entries).Save(charsPath);
            written.Add(ModelVocabularyFiles.Chars);
        }
        if (!File.Exists(termsPath))
        {
            TermsFromWordPiece(entries, maxTerms).Save(termsPath);
            written.Add(ModelVocabularyFiles.Terms);
        }
        return written;
    }

    static string StripContinuation(string entry) =>
        entry.StartsWith(SpecialTokens.ContinuationPrefix, StringComparison.Ordinal) && entry.Length > SpecialTokens.ContinuationPrefix.Length
            ? entry[SpecialTokens.ContinuationPrefix.Length..]
            : entry;
}
