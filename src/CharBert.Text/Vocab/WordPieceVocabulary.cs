namespace CharBert.Text.Vocab;

/// <summary>
/// A BERT vocab.txt: token -> id (a repeated token keeps its last line, as the original's dict does)
/// and id -> token (an id whose token was repeated later maps to [UNK], as the original's inverse dict does).
/// </summary>
public sealed class WordPieceVocabulary
{
    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> idsBySpan;
    private readonly Dictionary<string, int> continuationIds;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> continuationIdsBySpan;
    private readonly string?[] tokens;
    private readonly string[] entries;

    public WordPieceVocabulary(IReadOnlyList<string> entries, string unkToken = SpecialTokens.Unk)
    {
        this.entries = entries.ToArray();
        ids = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
        for (int i = 0; i < entries.Count; i++) ids[entries[i]] = i;
        tokens = new string?[entries.Count];
        foreach (var (token, id) in ids) tokens[id] = token;
        continuationIds = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (token, id) in ids)
            if (token.StartsWith(SpecialTokens.ContinuationPrefix, StringComparison.Ordinal))
                continuationIds[token[SpecialTokens.ContinuationPrefix.Length..]] = id;
        idsBySpan = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        continuationIdsBySpan = continuationIds.GetAlternateLookup<ReadOnlySpan<char>>();
        UnkToken = unkToken;
        UnkId = ids.TryGetValue(unkToken, out var unk) ? unk : null;
    }

    public static WordPieceVocabulary Load(string path) => new(VocabularyFile.ReadEntries(path));

    /// <summary>Number of lines (ids 0..Count-1).</summary>
    public int Count => tokens.Length;
    public string UnkToken { get; }
    public int? UnkId { get; }

    public bool Contains(string token) => ids.ContainsKey(token);

    /// <summary>Id of a whole-word-start piece given as a span (no allocation).</summary>
    internal bool TryGetId(ReadOnlySpan<char> piece, out int id) => idsBySpan.TryGetValue(piece, out id);

    /// <summary>Id of "##" + <paramref name="pieceWithoutPrefix"/> (no allocation).</summary>
    internal bool TryGetContinuationId(ReadOnlySpan<char> pieceWithoutPrefix, out int id) =>
        continuationIdsBySpan.TryGetValue(pieceWithoutPrefix, out id);

    /// <summary>The token's id, or the [UNK] id; throws when neither exists.</summary>
    public int GetId(string token)
    {
        if (ids.TryGetValue(token, out var id)) return id;
        return UnkId ?? throw new KeyNotFoundException($"Token '{token}' is not in the vocabulary and it has no {UnkToken} entry.");
    }

    /// <summary>The token with this id, or the [UNK] token when the id has none.</summary>
    public string GetToken(int id) => id >= 0 && id < tokens.Length && tokens[id] is { } t ? t : UnkToken;

    /// <summary>The file's lines in order.</summary>
    public IReadOnlyList<string> Entries => entries;
}
