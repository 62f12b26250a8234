using CharBert.Experiments.Charts;
using CharBert.Experiments.Results;
using CharBert.Text.IO;
using CharBert.Text.Tasks;
using CharBert.Training.Runs;
using CsvHelper.Configuration;

namespace CharBert.Experiments.Sensitivity;

/// <summary>One line of sensitivity-summary.csv: corpus S over one split of the words (all | attacked | unattacked).</summary>
public sealed record SensitivitySummaryRow(string Split, int Words, double? S, int Layer, string Pooling, string Channel);

public sealed class SensitivitySummaryRowMap : SnakeCaseMap<SensitivitySummaryRow>;

/// <summary>Reads clean/attacked files as aligned sentence pairs (through the attack library's readers, so every
/// format `charbert attack` writes can be measured) and writes the sensitivity CSVs.</summary>
public static class SensitivityFiles
{
    public const string SummaryFile = "sensitivity-summary.csv";

    /// <param name="task">ner (CoNLL files) or glue:&lt;name&gt; (GLUE TSV; a record's sentences form one word list).</param>
    public static IReadOnlyList<SentencePair> LoadPairs(TaskId task, string cleanPath, string attackedPath)
    {
        var clean = TaskDocuments.Records(task, cleanPath);
        var attacked = TaskDocuments.Records(task, attackedPath);
        if (clean.Count != attacked.Count)
            throw new DataFormatException(attackedPath, 0, $"{attacked.Count} records, but the clean file {cleanPath} has {clean.Count}");
        var pairs = new List<SentencePair>(clean.Count);
        for (var i = 0; i < clean.Count; i++)
        {
            if (clean[i].Words.Count != attacked[i].Words.Count)
                throw new DataFormatException(attackedPath, 0,
                    $"record {attacked[i].Id} has {attacked[i].Words.Count} words but clean record {clean[i].Id} has {clean[i].Words.Count}: " +
                    "sensitivity compares word i with word i, so the attack must keep the word count");
            pairs.Add(new SentencePair(clean[i].Id, clean[i].Words, attacked[i].Words));
        }
        return pairs;
    }

    public static IReadOnlyList<SensitivitySummaryRow> Summary(SensitivityResult result, SensitivitySettings settings)
    {
        var pooling = settings.Pooling == Metrics.Sensitivity.WordPooling.FirstSubword ? "first" : "mean";
        var channel = settings.Channel.ToString().ToLowerInvariant();
        var r = result.Report;
        return
        [
            new("all", r.Words, r.All, settings.Layer, pooling, channel),
            new("attacked", r.AttackedWords, r.Attacked, settings.Layer, pooling, channel),
            new("unattacked", r.UnattackedWords, r.Unattacked, settings.Layer, pooling, channel),
        ];
    }

    /// <summary>Writes &lt;outDir&gt;/sensitivity-words.csv (one row per word) and sensitivity-summary.csv.</summary>
    public static void Write(string outDir, SensitivityResult result, SensitivitySettings settings)
    {
        TidyCsv.Write<SensitivityWordRow, SensitivityWordRowMap>(Path.Combine(outDir, ResultPlotter.SensitivityWordsFile), result.Words);
        TidyCsv.Write<SensitivitySummaryRow, SensitivitySummaryRowMap>(Path.Combine(outDir, SummaryFile), Summary(result, settings));
    }
}
