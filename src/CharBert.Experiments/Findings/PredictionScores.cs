using System.Globalization;
using CharBert.Metrics.Robustness;
using CharBert.Metrics.Sequence;
using CsvHelper;

namespace CharBert.Experiments.Findings;

/// <summary>Per-sentence score parts read back from an evaluate step's predictions_*.csv (one row per word of a token
/// task, one per example of a classification task; columns ExampleId, Position, Input, Gold, Predicted), in file order:
/// accuracy as (correct, items), entity F1 as (2 TP, predicted + gold entities), the micro F1 that SpanMetrics pools.</summary>
public static class PredictionScores
{
    public static SentenceScores Read(string predictionsCsv, string metric) => Score(ReadSentences(predictionsCsv), metric);

    /// <summary>The pooled score of always predicting the most frequent gold label of the file (ties: ordinal order):
    /// the floor a model must beat before its robustness means anything.</summary>
    public static double MajorityScore(string predictionsCsv, string metric)
    {
        var sentences = ReadSentences(predictionsCsv);
        var majority = sentences.SelectMany(s => s.Gold).GroupBy(g => g, StringComparer.Ordinal)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;
        var scores = Score(sentences.Select(s => (s.Gold, s.Gold.Select(_ => majority).ToList())).ToList(), metric);
        var denominator = scores.Denominators.Sum();
        return denominator == 0 ? 0 : scores.Numerators.Sum() / denominator;
    }

    static List<(List<string> Gold, List<string> Predicted)> ReadSentences(string predictionsCsv)
    {
        var sentences = new List<(List<string> Gold, List<string> Predicted)>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        using var reader = new StreamReader(predictionsCsv);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        while (csv.Read())
        {
            var id = csv.GetField("ExampleId")!;
            if (!index.TryGetValue(id, out var i))
            {
                index[id] = i = sentences.Count;
                sentences.Add(([], []));
            }
            sentences[i].Gold.Add(csv.GetField("Gold")!);
            sentences[i].Predicted.Add(csv.GetField("Predicted")!);
        }
        return sentences;
    }

    static SentenceScores Score(IReadOnlyList<(List<string> Gold, List<string> Predicted)> sentences, string metric) => metric switch
    {
        "accuracy" => new SentenceScores(
            sentences.Select(s => (double)s.Gold.Zip(s.Predicted).Count(p => p.First == p.Second)).ToArray(),
            sentences.Select(s => (double)s.Gold.Count).ToArray()),
        "f1" => F1Parts(sentences),
        _ => throw new ArgumentException($"no per-sentence form of metric '{metric}' (accuracy or f1)"),
    };

    static SentenceScores F1Parts(IReadOnlyList<(List<string> Gold, List<string> Predicted)> sentences)
    {
        var reports = sentences.Select(s => SpanMetrics.Evaluate([s.Gold], [s.Predicted]).Overall).ToList();
        return new SentenceScores(reports.Select(r => 2.0 * r.TruePositives).ToArray(), reports.Select(r => (double)(r.Predicted + r.Gold)).ToArray());
    }

    /// <summary>The single predictions_*.csv an evaluate step wrote into <paramref name="folder"/>.</summary>
    public static string FileIn(string folder)
    {
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "predictions_*.csv") : [];
        return files.Length == 1 ? files[0]
            : throw new FileNotFoundException($"{folder}: expected one predictions_*.csv, found {files.Length}");
    }
}
