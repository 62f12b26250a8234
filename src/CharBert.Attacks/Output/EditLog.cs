using System.Runtime.CompilerServices;
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
    static readonly byte[][] TypeNames = Enum.GetValues<PerturbationType>().Select(t => Field(t.ToName())).ToArray();

    public static ReadOnlyMemory<byte> Header { get; } = Encoding.UTF8.GetBytes(string.Join(",",
        nameof(EditLogRow.RecordId), nameof(EditLogRow.TokenIndex), nameof(EditLogRow.Original), nameof(EditLogRow.Attacked),
        nameof(EditLogRow.Perturbation), nameof(EditLogRow.Position), nameof(EditLogRow.Recipe)) + "\n");

    /// <summary>Appends one row per edit of <paramref name="results"/> (no header).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AppendRows(IReadOnlyList<AttackRecordResult> results, string recipe, PooledByteBuffer output)
    {
        var recipeField = Field(recipe);
        for (var r = 0; r < results.Count; r++)
        {
            var result = results[r];
            var edits = result.Edits as WordEdit[] ?? result.Edits.ToArray();
            foreach (ref readonly var edit in edits.AsSpan())
            {
                WriteField(output, result.Id);
                output.Write(","u8);
                WriteInt(output, edit.TokenIndex);
                output.Write(","u8);
                WriteField(output, edit.Original);
                output.Write(","u8);
                WriteField(output, edit.Attacked);
                output.Write(","u8);
                output.Write(TypeNames[(int)edit.Type]);
                output.Write(","u8);
                WriteInt(output, edit.Position);
                output.Write(","u8);
                output.Write(recipeField);
                output.Write("\n"u8);
            }
        }
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
    static void WriteField(PooledByteBuffer output, string value)
    {
        if (value.Length == 0) return;
        // One pass for the common field, ASCII without anything to quote: narrowed straight into the buffer.
        var span = output.GetSpan(value.Length);
        var plain = value[0] != ' ' && value[^1] != ' ';
        for (var i = 0; plain && i < value.Length; i++)
        {
            var c = value[i];
            if (c >= 0x80 || c is '"' or ',' or '\n') plain = false;
            else span[i] = (byte)c;
        }
        if (plain)
        {
            output.Advance(value.Length);
            return;
        }
        WriteQuotedOrWide(output, value);
    }

    static void WriteQuotedOrWide(PooledByteBuffer output, string value)
    {
        var quote = value[0] == ' ' || value[^1] == ' ' || value.AsSpan().IndexOfAny('"', ',', '\n') >= 0;
        if (!quote)
        {
            Utf8Out.Write(output, value);
            return;
        }
        output.Write("\""u8);
        var rest = value.AsSpan();
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
        System.Buffers.Text.Utf8Formatter.TryFormat(value, output.GetSpan(11), out var written);
        output.Advance(written);
    }
}
