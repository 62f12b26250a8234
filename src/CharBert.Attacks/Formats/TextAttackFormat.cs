using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Chunks;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>Plain UTF-8 text (<c>--task text</c>), for corpora and users' own text: one record per line that holds a
/// word (id "L&lt;line&gt;"), words = whitespace-separated words, attacked on their letter cores like GLUE text.
/// Blank lines, whitespace and line endings stay as read. Invalid UTF-8 and NUL bytes (a binary file) are errors.</summary>
public sealed class TextAttackFormat : IAttackFormat
{
    public WordGranularity WordKind => WordGranularity.Sentence;

    public IAttackReader Open(Stream input, string displayPath, int chunkBytes = LineChunkReader.DefaultChunkBytes) =>
        new Reader(new LineChunkReader(input, displayPath, chunkBytes));

    sealed class Reader(LineChunkReader lines) : IAttackReader
    {
        public ReadOnlyMemory<byte> Preamble => lines.HasBom ? Bom.Bytes : ReadOnlyMemory<byte>.Empty;
        public long BytesRead => lines.BytesRead;

        public AttackChunk? Read()
        {
            if (lines.IsEmpty) throw new DataFormatException(lines.DisplayPath, 0, "empty file");
            return lines.Read() is { } chunk ? new Chunk(chunk, lines.DisplayPath) : null;
        }

        public void Dispose() => lines.Dispose();
    }

    sealed class Chunk(LineChunk lines, string displayPath)
        : LineAttackChunk(lines, lines.Length / 4, ChunkWords.HasNoWhitespace, WordGranularity.Sentence)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Parse()
        {
            var bytes = Lines.Bytes;
            if (Utf8Check.FirstProblem(bytes, Lines.FirstLine, displayPath, rejectNul: true) is { } problem) throw problem;
            Span<char> idBuffer = stackalloc char[24];
            var number = Lines.FirstLine;
            for (var cursor = new LineCursor(bytes); cursor.Next(out var line); number++)
            {
                Words.AddWhitespaceWords(line.Text(bytes), line.Start);
                if (Words.Pending == 0) continue;
                Words.EndRecord(idBuffer[..RecordIds.Write(idBuffer, 'L', number)]);
            }
        }
    }
}
