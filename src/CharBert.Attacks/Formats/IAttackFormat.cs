using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>A task file format the attack generator streams (CoNLL, GLUE TSV, plain text, SQuAD): the one interface
/// a format implements. A run opens the file once; a reader thread cuts it into chunks of whole records; worker
/// threads parse each chunk into records and render it back with the attacked words, changing no other byte (an
/// unattacked run writes the input's exact bytes).</summary>
public interface IAttackFormat
{
    /// <summary>How recipes see this format's words: whole tokens, or whitespace words with attached punctuation.</summary>
    WordGranularity WordKind { get; }

    /// <summary>Starts one pass over <paramref name="input"/>, read in chunks of about <paramref name="chunkBytes"/>;
    /// <paramref name="displayPath"/> names it in errors.</summary>
    IAttackReader Open(Stream input, string displayPath, int chunkBytes = LineChunkReader.DefaultChunkBytes);
}

/// <summary>One pass over a file. <see cref="Read"/> is called from one thread, in order; it throws
/// <see cref="CharBert.Text.IO.DataFormatException"/> for problems it finds (empty file, bad header).</summary>
public interface IAttackReader : IDisposable
{
    /// <summary>Bytes every output starts with, unchanged (a BOM, a TSV header line).</summary>
    ReadOnlyMemory<byte> Preamble { get; }

    /// <summary>Input bytes consumed so far (for progress).</summary>
    long BytesRead { get; }

    /// <summary>The next run of whole records, or null once the file is done (after its end-of-file checks).</summary>
    AttackChunk? Read();
}

/// <summary>A run of whole records as read. Parsing happens on first use of <see cref="Records"/>, on the worker that
/// attacks the chunk; a chunk is used by one thread at a time. Bad lines throw errors naming the file and line.</summary>
public abstract class AttackChunk : IDisposable
{
    public abstract ChunkRecords Records { get; }

    /// <summary>Appends the chunk's bytes to <paramref name="output"/> with <paramref name="edits"/> (made to
    /// <see cref="Records"/>, record by record) applied.</summary>
    public abstract void Render(ChunkEdits edits, PooledByteBuffer output);

    /// <summary>Input bytes in the chunk (a size hint for the rendered output).</summary>
    public abstract int ByteCount { get; }

    /// <summary>Starting size of the buffer the chunk is rendered into: attacked words may be a little longer.</summary>
    public int RenderCapacity => ByteCount + ByteCount / 16 + 256;

    /// <summary>Starting size of the chunk's edit-log buffer. The log is often larger than the chunk (CoNLL: 1.4
    /// times), so that it seldom grows.</summary>
    public int EditLogCapacity => ByteCount * 2;

    public virtual void Dispose() { }
}
