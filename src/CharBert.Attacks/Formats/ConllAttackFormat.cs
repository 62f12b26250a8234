using System.Runtime.CompilerServices;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO;
using CharBert.Text.IO.Chunks;
using CharBert.Text.IO.Conll;
using CharBert.Text.Tasks;

namespace CharBert.Attacks.Formats;

/// <summary>Which CoNLL tokens may be attacked, by their label column (entity = label other than "O").</summary>
public enum ConllTokenFilter { All, EntitiesOnly, NonEntitiesOnly }

/// <summary>CoNLL (ner, pos): one record per sentence (id "s&lt;ordinal&gt;", counted from 0 over the file), words =
/// the word column, whole tokens. Only that column is ever rewritten; labels, other columns, blank and
/// <c>-DOCSTART-</c> lines stay as read. Reads and checks lines as <see cref="ConllReader"/> does.</summary>
public sealed class ConllAttackFormat(ConllTokenFilter filter = ConllTokenFilter.All, ConllOptions? options = null) : IAttackFormat
{
    public WordGranularity WordKind => WordGranularity.TokenLevel;

    public IAttackReader Open(Stream input, string displayPath, int chunkBytes = LineChunkReader.DefaultChunkBytes) =>
        new Reader(new LineChunkReader(input, displayPath, chunkBytes), filter, options);

    /// <summary>Column layout from the file's first token line (or the error that line gets).</summary>
    sealed record Columns(int Count, int LabelColumn, long FirstTokenLine, DataFormatException? Error);

    sealed class Reader(LineChunkReader lines, ConllTokenFilter filter, ConllOptions? options) : IAttackReader
    {
        Columns? columns;
        long sentences;

        public ReadOnlyMemory<byte> Preamble => lines.HasBom ? Bom.Bytes : ReadOnlyMemory<byte>.Empty;
        public long BytesRead => lines.BytesRead;

        public AttackChunk? Read()
        {
            if (lines.IsEmpty) throw new DataFormatException(lines.DisplayPath, 0, "empty file");
            var chunk = lines.Read(ConllByteLines.LastSentenceBoundary);
            if (chunk == null)
                return sentences > 0 ? null : throw new DataFormatException(lines.DisplayPath, 0, ConllByteLines.NoSentences);
            var firstSentence = sentences;
            if (columns == null) FindColumns(chunk);
            sentences += ConllByteLines.CountSentences(chunk.Bytes);
            return new Chunk(chunk, lines.DisplayPath, firstSentence, columns, filter);
        }

        /// <summary>Notes the column layout at the file's first token line, if it is in this chunk.</summary>
        void FindColumns(LineChunk chunk)
        {
            var bytes = chunk.Bytes;
            var number = chunk.FirstLine;
            for (var cursor = new LineCursor(bytes); cursor.Next(out var line); number++)
                if (ConllByteLines.IsTokenLine(line.Text(bytes)))
                {
                    columns = ResolveColumns(line.Text(bytes), number);
                    return;
                }
        }

        Columns ResolveColumns(ReadOnlySpan<byte> text, long number)
        {
            var count = ConllByteLines.SplitTokenLine(text, -1, out _, out _);
            try
            {
                return new Columns(count, ConllByteLines.ResolveLabelColumn(options, count, lines.DisplayPath, number), number, null);
            }
            catch (DataFormatException e)
            {
                return new Columns(count, -1, number, e);
            }
        }

        public void Dispose() => lines.Dispose();
    }

    /// <summary>The word check is an optimised lambda, not the method group: a delegate to a static method is called
    /// through a shuffle thunk.</summary>
    sealed class Chunk(LineChunk lines, string displayPath, long firstSentence, Columns? columns, ConllTokenFilter filter)
        : LineAttackChunk(lines, lines.LineCount,
            [MethodImpl(MethodImplOptions.AggressiveOptimization)] static (word) => ConllTokenLine.IsValidWord(word), WordGranularity.TokenLevel)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        protected override void Parse()
        {
            var bytes = Lines.Bytes;
            var problem = Utf8Check.FirstProblem(bytes, Lines.FirstLine, displayPath, rejectNul: false);
            Span<char> idBuffer = stackalloc char[24];
            var number = Lines.FirstLine;
            for (var cursor = new LineCursor(bytes); cursor.Next(out var line); number++)
            {
                if (problem != null && problem.Line == number) throw problem;
                var text = line.Text(bytes);
                if (!ConllByteLines.IsTokenLine(text))
                {
                    if (Words.Pending > 0) EndSentence(idBuffer);
                    continue;
                }
                // Every chunk that holds token lines comes after the file's first token line was seen.
                var layout = columns!;
                if (layout.Error != null) throw layout.Error;
                var labelColumn = filter == ConllTokenFilter.All ? -1 : layout.LabelColumn; // the label is only needed to filter
                var count = ConllByteLines.SplitTokenLine(bytes, line.Start, text.Length, labelColumn, out var word, out var label);
                if (count != layout.Count)
                    throw new DataFormatException(displayPath, number, ConllByteLines.WrongColumnCount(layout.Count, count));
                var allowed = filter switch
                {
                    ConllTokenFilter.All => true,
                    ConllTokenFilter.EntitiesOnly => !ConllByteLines.IsOutsideLabel(text[label]),
                    _ => ConllByteLines.IsOutsideLabel(text[label]),
                };
                var (wordOffset, wordLength) = word.GetOffsetAndLength(text.Length);
                Words.Add(bytes, line.Start + wordOffset, wordLength, allowed: allowed);
            }
            if (problem != null) throw problem;
            if (Words.Pending > 0) EndSentence(idBuffer);
        }

        /// <summary>Closes the sentence with id "s&lt;ordinal&gt;".</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        void EndSentence(Span<char> idBuffer) =>
            Words.EndRecord(idBuffer[..RecordIds.Write(idBuffer, 's', firstSentence + Words.RecordCount)]);
    }
}
