using System.Globalization;
using CharBert.Text.IO;
using CharBert.Training.Runs;
using CsvHelper;
using CsvHelper.Configuration;

namespace CharBert.Experiments.Results;

/// <summary>Reads and writes the experiment CSVs (invariant culture, snake_case headers from class maps).
/// Reading fails with a <see cref="DataFormatException"/> naming the file, line and problem.</summary>
public static class TidyCsv
{
    static CsvConfiguration Config => new(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim };

    public static IReadOnlyList<T> Read<T, TMap>(string path) where TMap : ClassMap<T>
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found", path);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Config);
        csv.Context.RegisterClassMap<TMap>();
        try
        {
            return csv.GetRecords<T>().ToList();
        }
        catch (CsvHelperException e)
        {
            var line = e.Context?.Parser?.RawRow ?? 0;
            var problem = e switch
            {
                HeaderValidationException h => "missing column(s) " +
                    string.Join(", ", h.InvalidHeaders.SelectMany(x => x.Names).Select(n => $"'{n}'")),
                CsvHelper.TypeConversion.TypeConverterException t =>
                    $"cannot read '{t.Text}' as {t.MemberMapData?.Type?.Name} (column '{t.MemberMapData?.Names.FirstOrDefault()}')",
                CsvHelper.MissingFieldException => "row has fewer fields than the header",
                _ => e.Message.Split('\n')[0],
            };
            throw new DataFormatException(path, line, problem, e);
        }
    }

    /// <summary>Replaces <paramref name="path"/> atomically with exactly <paramref name="rows"/>.</summary>
    public static void Write<T, TMap>(string path, IEnumerable<T> rows) where TMap : ClassMap<T> =>
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, leaveOpen: true);
            using var csv = new CsvWriter(writer, Config);
            csv.Context.RegisterClassMap<TMap>();
            csv.WriteHeader<T>();
            csv.NextRecord();
            csv.WriteRecords(rows);
        });
}

public sealed class ResultRowMap : SnakeCaseMap<ResultRow>;

public sealed class AggregateRowMap : SnakeCaseMap<AggregateRow>;
