namespace CharBert.Experiments.Results;

/// <summary>The results folder of one experiment: summary.csv (one row per measured number) and
/// summary-mean-std.csv (over seeds). Rows of a cell are appended as one batch, atomically, so after an
/// interruption a cell is either fully present or absent, and a resumed run skips the present ones.</summary>
public sealed class SummaryStore(string resultsDir)
{
    public const string SummaryFile = "summary.csv";
    public const string MeanStdFile = "summary-mean-std.csv";

    public string ResultsDir { get; } = resultsDir;
    public string SummaryPath => Path.Combine(ResultsDir, SummaryFile);
    public string MeanStdPath => Path.Combine(ResultsDir, MeanStdFile);

    public IReadOnlyList<ResultRow> ReadAll() =>
        File.Exists(SummaryPath) ? TidyCsv.Read<ResultRow, ResultRowMap>(SummaryPath) : [];

    public IReadOnlyList<AggregateRow> ReadMeanStd() => TidyCsv.Read<AggregateRow, AggregateRowMap>(MeanStdPath);

    /// <summary>Recomputes summary-mean-std.csv from summary.csv (e.g. after an interruption between the two writes).</summary>
    public void RebuildMeanStd()
    {
        var all = ReadAll();
        if (all.Count > 0) TidyCsv.Write<AggregateRow, AggregateRowMap>(MeanStdPath, Aggregation.OverSeeds(all));
    }

    public ISet<CellKey> FinishedCells() => ReadAll().Select(r => r.Cell).ToHashSet();

    /// <summary>Adds one finished cell's rows (rewriting both CSVs atomically). Rows already stored for that
    /// cell are replaced, so re-running a cell by hand never duplicates it.</summary>
    public void AppendCell(CellKey cell, IReadOnlyCollection<ResultRow> rows)
    {
        if (rows.Count == 0) throw new ArgumentException($"cell {cell} produced no result rows", nameof(rows));
        if (rows.FirstOrDefault(r => r.Cell != cell) is { } stray)
            throw new ArgumentException($"row for {stray.Cell} passed with cell {cell}", nameof(rows));
        var all = ReadAll().Where(r => r.Cell != cell).Concat(rows).ToList();
        TidyCsv.Write<ResultRow, ResultRowMap>(SummaryPath, all);
        TidyCsv.Write<AggregateRow, AggregateRowMap>(MeanStdPath, Aggregation.OverSeeds(all));
    }
}
