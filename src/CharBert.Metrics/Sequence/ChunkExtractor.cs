namespace CharBert.Metrics.Sequence;

/// <summary>Reads entity chunks from one sentence of tags. Chunks never cross a sentence boundary (conlleval
/// ends every chunk at a blank line; seqeval puts an "O" between sentences).</summary>
public static class ChunkExtractor
{
    public static List<Chunk> Extract(IReadOnlyList<string> tags, ChunkingMode mode, int sentence = 0)
    {
        var chunks = new List<Chunk>();
        var previous = ChunkTag.Outside;
        var start = -1;
        for (var i = 0; i <= tags.Count; i++)
        {
            var current = i < tags.Count ? ChunkTag.Parse(tags[i], sentence, i) : ChunkTag.Outside;
            var continues = current.Prefix == 'I' && current.Type == previous.Type && start >= 0;
            if (start >= 0 && !continues)
            {
                chunks.Add(new Chunk(sentence, previous.Type, start, i - 1));
                start = -1;
            }
            if (start < 0 && StartsChunk(previous, current, mode)) start = i;
            previous = current;
        }
        return chunks;
    }

    // Called only when no chunk is open (none before, or the previous one just closed because this tag does not
    // continue it). conlleval then opens a chunk at B- and at I- (I- after O, or after another type: IOB1);
    // strict IOB2 opens one at B- only, so an orphan I- stays outside every chunk.
    static bool StartsChunk(ChunkTag previous, ChunkTag current, ChunkingMode mode) => current.Prefix switch
    {
        'B' => true,
        'I' => mode == ChunkingMode.Conlleval,
        _ => false,
    };
}
