using CharBert.Metrics.Analysis;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Results;

/// <summary>One row of subword-split.csv: how the tokenizer of one variant splits one token task's clean test set
/// (every seed of a variant shares its vocabulary). The entity columns are empty for tasks without entities (POS).</summary>
public sealed record SubwordSplitRow(
    string Task, string Variant, int Words, int SplitWords, double SplitWordShare,
    int? Entities, int? SplitEntities, double? SplitEntityShare, int? EntityWords, int? SplitEntityWords, double? SplitEntityWordShare)
{
    public static SubwordSplitRow From(string task, string variant, SubwordSplitStatistics s) => new(
        task, variant, s.Words, s.SplitWords, s.SplitWordShare,
        s.Entities?.Entities, s.Entities?.SplitEntities, s.Entities?.SplitEntityShare,
        s.Entities?.EntityWords, s.Entities?.SplitEntityWords, s.Entities?.SplitEntityWordShare);

    /// <summary>The counts alone, to find variants whose tokenizers split the test set identically.</summary>
    public (string, int, int, int?, int?, int?, int?) Counts => (Task, Words, SplitWords, Entities, SplitEntities, EntityWords, SplitEntityWords);
}

public sealed class SubwordSplitRowMap : SnakeCaseMap<SubwordSplitRow>;

/// <summary>&lt;results&gt;/subword-split.csv: one row per (task, variant), replaced when a cell of that pair runs again.</summary>
public static class SubwordSplitTable
{
    public const string FileName = "subword-split.csv";

    public static IReadOnlyList<SubwordSplitRow> Read(string resultsDir)
    {
        var path = Path.Combine(resultsDir, FileName);
        return File.Exists(path) ? TidyCsv.Read<SubwordSplitRow, SubwordSplitRowMap>(path) : [];
    }

    public static void Upsert(string resultsDir, SubwordSplitRow row) =>
        TidyCsv.Write<SubwordSplitRow, SubwordSplitRowMap>(Path.Combine(resultsDir, FileName),
            Read(resultsDir).Where(r => (r.Task, r.Variant) != (row.Task, row.Variant)).Append(row)
                .OrderBy(r => r.Task, StringComparer.Ordinal).ThenBy(r => r.Variant, StringComparer.Ordinal));
}
