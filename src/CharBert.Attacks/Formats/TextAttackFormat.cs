using System.Runtime.CompilerServices;
using System.Buffers;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Chunks;

namespace CharBert.Attacks.Formats;

/// <summary>Plain UTF-8 text (<c>--task text</c>), for corpora and users' own text: one record per line that holds a
/// word (id "L&lt;line&gt;"), words = whitespace-separated words, attacked on their letter cores like GLUE text.
/// Blank lines, whitespace and line endings stay as read. Invalid UTF-8 and NUL bytes (a binary file) are errors.</summary>
public sealed class TextAttackFormat : IAttackFormat
{
    public TaskKind WordKind => TaskKind.Sentence;

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

    sealed class Chunk(LineChunk lines, string displayPath) : AttackChunk
    {
        AttackRecordInput[]? records;
        (ChunkLine Line, WhitespaceWords Words)[] places = [];

        public override IReadOnlyList<AttackRecordInput> Records => records ??= Parse();

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        AttackRecordInput[] Parse()
        {
            var bytes = lines.Bytes;
            if (Utf8Check.FirstProblem(bytes, lines.FirstLine, displayPath, rejectNul: true) is { } problem) throw problem;
            var result = new List<AttackRecordInput>(lines.LineCount);
            var placeList = new List<(ChunkLine, WhitespaceWords)>(lines.LineCount);
            var number = lines.FirstLine;
            for (var position = 0; ChunkLines.Next(bytes, ref position, out var line); number++)
            {
                var words = WhitespaceWords.Split(Utf8Check.Decode(line.Text(bytes)));
                if (words.Words.Count == 0) continue;
                placeList.Add((line, words));
                result.Add(new AttackRecordInput($"L{number}", words.Words));
            }
            places = placeList.ToArray();
            return result.ToArray();
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public override void Render(IReadOnlyList<AttackRecordResult> results, IBufferWriter<byte> output)
        {
            _ = Records; // parses, if not yet done
            var bytes = lines.Bytes;
            var copied = 0;
            for (var r = 0; r < places.Length; r++)
            {
                if (!results[r].Changed) continue;
                var (line, words) = places[r];
                output.Write(bytes[copied..line.Start]);
                Utf8Out.Write(output, words.Rebuild(results[r].Words));
                copied = line.TextEnd;
            }
            output.Write(bytes[copied..]);
        }

        public override int ByteCount => lines.Length;

        public override void Dispose() => lines.Dispose();
    }
}
