using CharBert.Attacks.Generation;
using CharBert.Text.IO.Chunks;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>A chunk of whole lines whose records are words located in the chunk's own bytes (CoNLL, TSV, text): parsed
/// on first use, rendered by splicing the attacked words back into the bytes, buffers returned on dispose. A format
/// supplies only <see cref="Parse"/>; <paramref name="isValidWord"/> guards its structure when rendering (it must accept
/// any word of printable ASCII that does not start with '-', which token-level rendering writes without asking), and
/// <paramref name="granularity"/> says whether edits replace whole words or their cores.</summary>
abstract class LineAttackChunk(LineChunk lines, int wordCapacity, Func<ReadOnlySpan<char>, bool> isValidWord, WordGranularity granularity)
    : AttackChunk
{
    bool parsed;

    protected LineChunk Lines => lines;
    protected ChunkWords Words { get; } = new(wordCapacity);

    public sealed override ChunkRecords Records
    {
        get
        {
            if (!parsed)
            {
                Parse();
                parsed = true;
            }
            return Words.Records;
        }
    }

    public sealed override int ByteCount => lines.Length;

    /// <summary>Reads the chunk's records into <see cref="Words"/>; throws for bad lines (file and line named).</summary>
    protected abstract void Parse();

    public sealed override void Render(ChunkEdits edits, PooledByteBuffer output) =>
        Words.Render(lines.Bytes, Records, edits, output, isValidWord, granularity);

    public sealed override void Dispose()
    {
        lines.Dispose();
        Words.Dispose();
    }
}
