using CharBert.Attacks.Generation;
using CharBert.Text.IO.Chunks;

namespace CharBert.Attacks.Formats;

/// <summary>A chunk of whole lines whose records are words located in the chunk's own bytes (CoNLL, TSV, text): parsed
/// on first use, rendered by splicing the attacked words back into the bytes, buffers returned on dispose. A format
/// supplies only <see cref="Parse"/>; <paramref name="isValidWord"/> guards its structure when rendering.</summary>
abstract class LineAttackChunk(LineChunk lines, int wordCapacity, Func<string, bool> isValidWord) : AttackChunk
{
    AttackRecordInput[]? records;

    protected LineChunk Lines => lines;
    protected ChunkWords Words { get; } = new(wordCapacity);

    public sealed override IReadOnlyList<AttackRecordInput> Records => records ??= Parse();
    public sealed override int ByteCount => lines.Length;

    /// <summary>Reads the chunk's records, filling <see cref="Words"/>; throws for bad lines (file and line named).</summary>
    protected abstract AttackRecordInput[] Parse();

    public sealed override void Render(IReadOnlyList<AttackRecordResult> results, PooledByteBuffer output) =>
        Words.Render(lines.Bytes, Records, results, output, isValidWord);

    public sealed override void Dispose()
    {
        lines.Dispose();
        Words.Dispose();
    }
}
