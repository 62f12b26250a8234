using CharBert.Text.IO;
using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace CharBert.Training.Runs;

public sealed record TrainingLogRow(int Step, int Epoch, double Loss, double LearningRate, double TokensPerSecond, double ExamplesPerSecond);

/// <summary>train_log.csv: one row per optimiser step. Kept in memory and rewritten atomically with each
/// checkpoint and at the end, so the file always matches a consistent point of the run.</summary>
public sealed class TrainingLog
{
    static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture);
    readonly string path;
    readonly List<TrainingLogRow> rows = [];

    public TrainingLog(string path) => this.path = path;

    public IReadOnlyList<TrainingLogRow> Rows => rows;

    public void Add(TrainingLogRow row) => rows.Add(row);

    /// <summary>On resume: the rows up to the checkpoint's step (later ones were never checkpointed).</summary>
    public void LoadUpTo(int step)
    {
        rows.Clear();
        if (!File.Exists(path)) return;
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, Csv);
        rows.AddRange(csv.GetRecords<TrainingLogRow>().Where(r => r.Step <= step));
    }

    public void Flush() => AtomicFile.WriteViaTempPath(path, temp =>
    {
        using var writer = new StreamWriter(temp);
        using var csv = new CsvWriter(writer, Csv);
        csv.WriteRecords(rows);
    });
}
