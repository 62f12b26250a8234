using CharBert.Text.IO;
using System.Globalization;
using CsvHelper;
using CharBert.Training.Runs;

namespace CharBert.Training.Tasks;

/// <summary>One prediction: for token tasks one row per word (Position = word index), otherwise one per example.</summary>
public sealed record PredictionRow(string ExampleId, int Position, string Input, string Gold, string Predicted);

/// <summary>Metrics of one data file and the per-example predictions behind them.</summary>
public sealed record TaskEvaluation(IReadOnlyDictionary<string, double> Metrics, IReadOnlyList<PredictionRow> Predictions)
{
    public void WritePredictions(string path) => AtomicFile.WriteViaTempPath(path, temp =>
    {
        using var writer = new StreamWriter(temp);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        csv.WriteRecords(Predictions);
    });
}
