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
    readonly string _path;
    readonly List<TrainingLogRow> _rows = [];

    public TrainingLog(string path) => _path = path;

    public IReadOnlyList<TrainingLogRow> Rows => _rows;

    public void Add(TrainingLogRow row) => _rows.Add(row);

    /// <summary>On resume: the rows up to the checkpoint's step (later ones were never checkpointed).</summary>
    public void LoadUpTo(int step)
    {
        _rows.Clear();
        if (!File.Exists(_path)) return;
        using var reader = new StreamReader(_path);
        using var csv = new CsvReader(reader, Csv);
        _rows.AddRange(csv.GetRecords<TrainingLogRow>().Where(r => r.Step <= step));
    }

    public void Flush() => AtomicFile.WriteViaTempPath(_path, temp =>
    {
        using var writer = new StreamWriter(temp);
        using var csv = new CsvWriter(writer, Csv);
        csv.WriteRecords(_rows);
    });
}
