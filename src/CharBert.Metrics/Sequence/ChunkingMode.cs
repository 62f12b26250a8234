namespace CharBert.Metrics.Sequence;

/// <summary>How tags are read into chunks.</summary>
public enum ChunkingMode
{
    /// <summary>conlleval.pl and seqeval's default mode (the two agree on B/I/O tags). Reads IOB1 and IOB2:
    /// a chunk starts at any B-, at an I- after O, and at an I- whose type differs from the previous tag's;
    /// it continues through I- of the same type. So in IOB1 "I-PER I-PER B-PER" is two chunks.</summary>
    Conlleval,

    /// <summary>seqeval <c>mode='strict', scheme=IOB2</c>: a chunk starts only at B- and continues through
    /// I- of the same type; an I- that does not continue a chunk is no part of any chunk.</summary>
    StrictIob2,
}
