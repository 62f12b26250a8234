using System.Globalization;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Text.IO;
using CsvHelper;

namespace CharBert.Attacks.Output;

/// <summary>One row of the edit log. Original/Attacked are the word cores the recipe edited (whole tokens for
/// CoNLL; for sentence tasks the word without its attached punctuation); chained edits give one row each.</summary>
public sealed record EditLogRow(string RecordId, int TokenIndex, string Original, string Attacked, string Perturbation,
    int Position, string Recipe);

public static class EditLogWriter
{
    public static IEnumerable<EditLogRow> Rows(IEnumerable<AttackRecordResult> results, string recipe) =>
        from result in results
        from edit in result.Edits
        select new EditLogRow(result.Id, edit.TokenIndex, edit.Original, edit.Attacked, edit.Type.ToName(), edit.Position, recipe);

    /// <summary>Writes the CSV atomically (temp file + rename), UTF-8 without BOM, LF line endings.</summary>
    public static void Write(string path, IEnumerable<EditLogRow> rows) =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new System.Text.UTF8Encoding(false)) { NewLine = "\n" };
            using var csv = new CsvWriter(writer, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
            // Field by field: WriteRecords would compile a record writer for every new CsvWriter (slow per file).
            foreach (var header in Header) csv.WriteField(header);
            csv.NextRecord();
            foreach (var row in rows)
            {
                csv.WriteField(row.RecordId);
                csv.WriteField(row.TokenIndex.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.Original);
                csv.WriteField(row.Attacked);
                csv.WriteField(row.Perturbation);
                csv.WriteField(row.Position.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(row.Recipe);
                csv.NextRecord();
            }
        });

    static readonly string[] Header = [nameof(EditLogRow.RecordId), nameof(EditLogRow.TokenIndex), nameof(EditLogRow.Original),
        nameof(EditLogRow.Attacked), nameof(EditLogRow.Perturbation), nameof(EditLogRow.Position), nameof(EditLogRow.Recipe)];

    public static IReadOnlyList<EditLogRow> Read(string path)
    {
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        return csv.GetRecords<EditLogRow>().ToArray();
    }
}
