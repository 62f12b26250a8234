namespace CharBert.Metrics.Sequence;

/// <summary>One entity span: sentence index, entity type and token range (both ends inclusive).</summary>
public sealed record Chunk(int Sentence, string Type, int Start, int End)
{
    public int Length => End - Start + 1;
}
