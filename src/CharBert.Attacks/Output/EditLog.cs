using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Globalization;
using System.Text;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;
using CsvHelper;

namespace CharBert.Attacks.Output;

/// <summary>One row of the edit log. Original/Attacked are the word cores the recipe edited (whole tokens for
/// CoNLL; for sentence tasks the word without its attached punctuation); chained edits give one row each.</summary>
public sealed record EditLogRow(string RecordId, int TokenIndex, string Original, string Attacked, string Perturbation,
    int Position, string Recipe);

/// <summary>What a run writes beside each attacked set: <c>csv</c> (the edit log) or <c>none</c> (corpus-scale noising,
/// where the log would be the largest output).</summary>
public enum EditLogFormat { Csv, None }

/// <summary>The edit log: CSV, UTF-8 without BOM, LF line endings, a header row, RFC 4180 quoting exactly as CsvHelper
/// writes it (a field is quoted when it holds a quote, a comma or a newline, or starts or ends with a space; quotes
/// are doubled), so logs read the same as before. Rows are formatted straight into bytes on the worker threads:
/// CsvHelper's per-field writer was a measurable share of a run at corpus scale. Reading uses CsvHelper.</summary>
public static class EditLog
{
    /// <summary>Each edit type's field with the commas around it, padded to <see cref="PaddedPiece.Width"/> bytes.</summary>
    static readonly PaddedPiece[] TypeFields = Enum.GetValues<PerturbationType>().Select(t => new PaddedPiece(Encoding.UTF8.GetBytes($",{t.ToName()},"))).ToArray();

    /// <summary>A fixed piece of a row (the id field, a type field, the recipe tail) stored with room after it up to at
    /// least <see cref="Width"/> bytes, so a piece that short is copied as one <see cref="ShortCopy"/>.</summary>
    readonly struct PaddedPiece
    {
        public const int Width = ShortCopy.Width;

        readonly byte[] padded;

        public int Length { get; }

        public PaddedPiece(ReadOnlySpan<byte> bytes) : this(bytes, null) { }

        /// <summary>The piece in <paramref name="storage"/> when it is large enough (its bytes after the piece are only
        /// ever read, never written out), else in a new array.</summary>
        public PaddedPiece(ReadOnlySpan<byte> bytes, byte[]? storage)
        {
            padded = storage != null && storage.Length >= Math.Max(Width, bytes.Length) ? storage : new byte[Math.Max(Width, bytes.Length)];
            bytes.CopyTo(padded);
            Length = bytes.Length;
        }

        public ReadOnlySpan<byte> Bytes => padded.AsSpan(0, Length);

        /// <summary>Copies the piece to <paramref name="span"/> at <paramref name="at"/>, which has <see cref="Width"/>
        /// bytes of room past the piece.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void CopyTo(Span<byte> span, ref int at)
        {
            if (ShortCopy.IsAvailable && Length <= Width) ShortCopy.Copy(padded, span[at..]);
            else Bytes.CopyTo(span[at..]);
            at += Length;
        }
    }

    public static ReadOnlyMemory<byte> Header { get; } = Encoding.UTF8.GetBytes(string.Join(",",
        nameof(EditLogRow.RecordId), nameof(EditLogRow.TokenIndex), nameof(EditLogRow.Original), nameof(EditLogRow.Attacked),
        nameof(EditLogRow.Perturbation), nameof(EditLogRow.Position), nameof(EditLogRow.Recipe)) + "\n");

    /// <summary>Appends one row per edit in <paramref name="edits"/> of <paramref name="records"/> (no header).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendRows(ChunkRecords records, ChunkEdits edits, string recipe, PooledByteBuffer output)
    {
        // A row is "{id},{token},{original},{attacked},{type},{position},{recipe}\n": the id field is formatted once per
        // record, and the fixed pieces around the type and the recipe are copied whole.
        var recipeTail = new PaddedPiece([(byte)',', .. Field(recipe), (byte)'\n']);
        using var idBuffer = new PooledByteBuffer(256);
        var idStorage = new byte[PaddedPiece.Width];
        for (var r = 0; r < edits.Count; r++)
        {
            var recordEdits = edits.Of(r);
            if (recordEdits.IsEmpty) continue;
            idBuffer.Clear();
            WriteField(idBuffer, records.Id(r));
            idBuffer.Write(","u8);
            var idField = new PaddedPiece(idBuffer.WrittenSpan, idStorage);
            foreach (ref readonly var edit in recordEdits)
            {
                if (TryWritePlainRow(output, idField, edit.TokenIndex, edits.TextFrom(edit.Original), edit.Original.Length,
                        edits.TextFrom(edit.Attacked), edit.Attacked.Length, edit.Type, edit.Position, recipeTail)) continue;
                var original = edits.Text(edit.Original);
                var attacked = edits.Text(edit.Attacked);
                output.Write(idField.Bytes);
                WriteInt(output, edit.TokenIndex);
                output.Write(","u8);
                WriteField(output, original);
                output.Write(","u8);
                WriteField(output, attacked);
                output.Write(TypeFields[(int)edit.Type].Bytes);
                WriteInt(output, edit.Position);
                output.Write(recipeTail.Bytes);
            }
        }
    }

    /// <summary>Writes a row whose word fields are both plain (ASCII, nothing to quote) into one span, the common case;
    /// false, with nothing written, for a row that needs <see cref="WriteField"/>'s quoting or UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static bool TryWritePlainRow(PooledByteBuffer output, in PaddedPiece idField, int tokenIndex, ReadOnlySpan<char> original,
        int originalLength, ReadOnlySpan<char> attacked, int attackedLength, PerturbationType type, int position, in PaddedPiece recipeTail)
    {
        ref readonly var typeField = ref TypeFields[(int)type];
        // Room for a 32-byte store past the last piece, as PaddedPiece.CopyTo and TryCopyPlainWord may write.
        var span = output.GetSpan(idField.Length + originalLength + attackedLength + typeField.Length + recipeTail.Length + 2 * 11 + 1 + PaddedPiece.Width);
        var at = 0;
        idField.CopyTo(span, ref at);
        CopyInt(tokenIndex, span, ref at);
        span[at++] = (byte)',';
        if (!TryCopyPlainWord(original, originalLength, span, ref at)) return false;
        span[at++] = (byte)',';
        if (!TryCopyPlainWord(attacked, attackedLength, span, ref at)) return false;
        typeField.CopyTo(span, ref at);
        CopyInt(position, span, ref at);
        recipeTail.CopyTo(span, ref at);
        output.Advance(at);
        return true;
    }

    /// <summary>Token indexes and positions are nearly always below 100: written directly, the rest by the formatter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static void CopyInt(int value, Span<byte> span, ref int at)
    {
        if ((uint)value < 10)
        {
            span[at++] = (byte)('0' + value);
        }
        else if ((uint)value < 100)
        {
            span[at++] = (byte)('0' + value / 10);
            span[at++] = (byte)('0' + value % 10);
        }
        else
        {
            System.Buffers.Text.Utf8Formatter.TryFormat(value, span[at..], out var written);
            at += written;
        }
    }

    /// <summary><see cref="TryCopyPlain"/> for the first <paramref name="length"/> characters of <paramref name="padded"/>.
    /// A word of up to 16 characters with 16 readable (and 16 bytes of room at <paramref name="at"/>) is checked and
    /// narrowed with two vector loads and one store, without a loop that ends at a different length every time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TryCopyPlainWord(ReadOnlySpan<char> padded, int length, Span<byte> span, ref int at)
    {
        if (!Vector128.IsHardwareAccelerated || length > 16 || padded.Length < 16 || span.Length - at < 16)
            return TryCopyPlain(padded[..length], span, ref at);
        if (length == 0) return true;
        if (padded[0] == ' ' || padded[length - 1] == ' ') return false;
        ref var source = ref Unsafe.As<char, ushort>(ref MemoryMarshal.GetReference(padded));
        var (low, high) = (Vector128.LoadUnsafe(ref source), Vector128.LoadUnsafe(ref source, 8));
        var asciiLimit = Vector128.Create((ushort)0x7F);
        var wide = Vector128.GreaterThan(low, asciiLimit).ExtractMostSignificantBits()
                   | Vector128.GreaterThan(high, asciiLimit).ExtractMostSignificantBits() << 8;
        var bytes = Vector128.Narrow(low, high);
        var quoted = (Vector128.Equals(bytes, Vector128.Create((byte)'"')) | Vector128.Equals(bytes, Vector128.Create((byte)','))
                      | Vector128.Equals(bytes, Vector128.Create((byte)'\n'))).ExtractMostSignificantBits();
        if (((wide | quoted) & ((1u << length) - 1)) != 0) return false;
        bytes.StoreUnsafe(ref MemoryMarshal.GetReference(span[at..]));
        at += length;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static bool TryCopyPlain(ReadOnlySpan<char> value, Span<byte> span, ref int at)
    {
        if (value.IsEmpty) return true;
        if (value[0] == ' ' || value[^1] == ' ') return false;
        var destination = span.Slice(at, value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x80 || c is '"' or ',' or '\n') return false;
            destination[i] = (byte)c;
        }
        at += value.Length;
        return true;
    }

    public static IReadOnlyList<EditLogRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        // Rows end with \n only, so a lone \r inside an unquoted field (a CoNLL token may hold one) is data.
        using var csv = new CsvReader(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        return csv.GetRecords<EditLogRow>().ToArray();
    }

    static byte[] Field(string value)
    {
        using var buffer = new PooledByteBuffer(value.Length * 3 + 8);
        WriteField(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void WriteField(PooledByteBuffer output, ReadOnlySpan<char> value)
    {
        var written = 0;
        if (TryCopyPlain(value, output.GetSpan(value.Length), ref written)) output.Advance(written);
        else WriteQuotedOrWide(output, value);
    }

    static void WriteQuotedOrWide(PooledByteBuffer output, ReadOnlySpan<char> value)
    {
        var quote = value[0] == ' ' || value[^1] == ' ' || value.IndexOfAny('"', ',', '\n') >= 0;
        if (!quote)
        {
            Utf8Out.Write(output, value);
            return;
        }
        output.Write("\""u8);
        var rest = value;
        for (var q = rest.IndexOf('"'); q >= 0; q = rest.IndexOf('"'))
        {
            Utf8Out.Write(output, rest[..(q + 1)]);
            output.Write("\""u8);
            rest = rest[(q + 1)..];
        }
        Utf8Out.Write(output, rest);
        output.Write("\""u8);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    static void WriteInt(PooledByteBuffer output, int value)
    {
        var written = 0;
        CopyInt(value, output.GetSpan(11), ref written);
        output.Advance(written);
    }
}
