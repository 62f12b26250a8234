using CharBert.Attacks.Generation;
using CharBert.Text.IO.Conll;

namespace CharBert.Attacks.Formats;

/// <summary>Which CoNLL tokens may be attacked, by their label column (entity = label other than "O").</summary>
public enum ConllTokenFilter { All, EntitiesOnly, NonEntitiesOnly }

/// <summary>CoNLL: one record per sentence (id "s&lt;ordinal&gt;"), words = the word column; only that column is
/// ever rewritten, labels and other columns stay as read.</summary>
public sealed class ConllAttackDocument : IAttackDocument
{
    readonly IReadOnlyList<ConllSentence> _sentences;
    readonly bool _hasBom;

    public string FileName { get; }
    public IReadOnlyList<AttackRecordInput> Records { get; }

    ConllAttackDocument(string fileName, IReadOnlyList<ConllSentence> sentences, bool hasBom, ConllTokenFilter filter)
    {
        FileName = fileName;
        _sentences = sentences;
        _hasBom = hasBom;
        Records = sentences.Select((s, i) => new AttackRecordInput($"s{i}", s.Words, Allowed(s, filter))).ToArray();
    }

    public static ConllAttackDocument Load(string path, ConllTokenFilter filter = ConllTokenFilter.All, ConllOptions? options = null)
    {
        using var reader = ConllReader.Open(path, options);
        var sentences = reader.ReadSentences().ToArray();
        return new ConllAttackDocument(Path.GetFileName(path), sentences, reader.HasBom, filter);
    }

    static bool[]? Allowed(ConllSentence sentence, ConllTokenFilter filter) => filter switch
    {
        ConllTokenFilter.All => null,
        ConllTokenFilter.EntitiesOnly => Enumerable.Range(0, sentence.Tokens.Count).Select(sentence.IsEntity).ToArray(),
        _ => Enumerable.Range(0, sentence.Tokens.Count).Select(i => !sentence.IsEntity(i)).ToArray(),
    };

    public void Write(string path, IReadOnlyList<AttackRecordResult> results) =>
        ConllWriter.Write(path, _sentences.Select((s, i) => results[i].Changed ? s.WithWords(results[i].Words) : s), _hasBom);
}
