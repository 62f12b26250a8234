using CharBert.Text.IO;
using System.Globalization;
using CsvHelper;

namespace CharBert.Training.Runs;

/// <summary>Dev-set metrics after one epoch.</summary>
public sealed record EpochMetrics(int Epoch, int Step, double TrainLoss, IReadOnlyDictionary<string, double> Metrics)
{
    sealed record Row(int Epoch, int Step, string Metric, double Value);

    /// <summary>epochs.json plus a tidy epochs.csv (epoch, step, metric, value).</summary>
    public static void Write(string runDirectory, IReadOnlyList<EpochMetrics> epochs)
    {
        JsonFiles.Write(Path.Combine(runDirectory, "epochs.json"), epochs);
        var rows = epochs.SelectMany(e => e.Metrics.Select(m => new Row(e.Epoch, e.Step, m.Key, m.Value))
            .Prepend(new Row(e.Epoch, e.Step, "train_loss", e.TrainLoss)));
        AtomicFile.WriteViaTempPath(Path.Combine(runDirectory, "epochs.csv"), temp =>
        {
            using var writer = new StreamWriter(temp);
            using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
            csv.WriteRecords(rows);
        });
    }
}
