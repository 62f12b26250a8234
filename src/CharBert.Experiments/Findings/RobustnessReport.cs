using System.Text;
using CharBert.Experiments.Results;
using CharBert.Metrics.Robustness;
using CharBert.Training.Runs;

namespace CharBert.Experiments.Findings;

/// <summary>One row of robustness.csv: a <see cref="VariantRobustness"/> flattened.</summary>
public sealed record RobustnessRow(
    string Task, string Variant, string Metric, string AttackedSet, int Seeds,
    double CleanMean, double CleanStd, double AttackedMean, double AttackedStd, double RelativeDropMean, double RelativeDropStd,
    double? DropRatio, double? DropRatioLower, double? DropRatioUpper, double? ShareOfResamplesBelowOne, int? Sentences, int? Resamples,
    double? MajorityScore, bool? Learned)
{
    public static RobustnessRow From(VariantRobustness v) => new(v.Task, v.Variant, v.Metric, v.AttackedSet, v.Seeds,
        v.CleanMean, v.CleanStd, v.AttackedMean, v.AttackedStd, v.DropMean, v.DropStd,
        v.RatioToBaseline?.Ratio, v.RatioToBaseline?.Lower, v.RatioToBaseline?.Upper, v.RatioToBaseline?.ShareBelowOne,
        v.RatioToBaseline?.Sentences, v.RatioToBaseline?.Resamples, v.MajorityScore, v.Learned);
}

public sealed class RobustnessRowMap : SnakeCaseMap<RobustnessRow>;

/// <summary>robustness.csv and the report's findings section: the three-way comparison (BERT, AdvBERT, CharBERT, and any
/// other variant) under the headline attack, the drop ratio to BERT with its interval, and a plain sentence per task
/// saying whether CharBERT's relative drop is smaller than BERT's, as the paper reports (Table 3: 0.52x on CoNLL-2003 NER,
/// 0.42x on QNLI).</summary>
public static class RobustnessReport
{
    public const string CharBertVariant = "charbert";

    public static void WriteCsv(string resultsDir, IReadOnlyList<VariantRobustness> findings) =>
        TidyCsv.Write<RobustnessRow, RobustnessRowMap>(Path.Combine(resultsDir, RobustnessFindings.CsvFile), findings.Select(RobustnessRow.From));

    static string MeanStd(double mean, double std, int n, Func<double, string> format) => n > 1 ? $"{format(mean)} ± {format(std)}" : format(mean);

    public static string Interval(DropRatioEstimate r) =>
        $"{ReportNumbers.Ratio(r.Ratio)} [{ReportNumbers.Ratio(r.Lower)}, {ReportNumbers.Ratio(r.Upper)}]";

    public static string ToMarkdown(IReadOnlyList<VariantRobustness> findings)
    {
        var md = new StringBuilder();
        if (findings.Count == 0) return "";
        var first = findings[0];
        md.AppendLine($"## Findings: robustness under {first.AttackedSet}").AppendLine();
        md.AppendLine("Relative drop = (clean − attacked) / clean, per seed; cells show mean ± sample standard deviation over the seeds. " +
                      $"Drop ratio = the variant's mean relative drop / {RobustnessFindings.Baseline}'s (below 1: it loses proportionally less), " +
                      "with a 95 % percentile interval from a paired bootstrap over test sentences and seeds " +
                      $"({RobustnessFindings.Resamples:N0} resamples; the same sentences and seeds for both models). " +
                      "The paper (Table 3) reports 0.52 for CharBERT on CoNLL-2003 NER and 0.42 on QNLI. " +
                      $"Source: `{RobustnessFindings.CsvFile}`.").AppendLine();
        md.AppendLine("| task | variant | seeds | clean (majority label) | attacked | relative drop | drop ratio to bert [95 % interval] | resamples with ratio < 1 |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var v in findings)
            md.AppendLine($"| {v.Task} | {v.Variant} | {v.Seeds} | {MeanStd(v.CleanMean, v.CleanStd, v.Seeds, ReportNumbers.Ratio)}{(v.MajorityScore is { } m ? $" ({ReportNumbers.Ratio(m)})" : "")} | " +
                          $"{MeanStd(v.AttackedMean, v.AttackedStd, v.Seeds, ReportNumbers.Ratio)} | {MeanStd(v.DropMean, v.DropStd, v.Seeds, ReportNumbers.Percent)} | " +
                          $"{(v.RatioToBaseline is { } r ? Interval(r) : "–")} | {(v.RatioToBaseline is { } s ? ReportNumbers.Percent(s.ShareBelowOne) : "–")} |");
        md.AppendLine();
        foreach (var v in findings.Where(f => f.Variant == CharBertVariant && f.RatioToBaseline is not null))
            md.AppendLine($"- {Verdict(v)}");
        md.AppendLine();
        return md.ToString();
    }

    /// <summary>One plain sentence: the ratio, its interval, and whether the paper's direction shows.</summary>
    public static string Verdict(VariantRobustness v)
    {
        var r = v.RatioToBaseline!;
        var head = $"**{v.Task}**: CharBERT's relative drop ({ReportNumbers.Percent(v.DropMean)}) is {ReportNumbers.Ratio(r.Ratio)}x BERT's " +
                   $"(95 % interval {ReportNumbers.Ratio(r.Lower)} to {ReportNumbers.Ratio(r.Upper)}, {v.Seeds} seed(s), {r.Sentences} test sentences). ";
        var untrained = new[] { (Name: "CharBERT", Learned: v.Learned), (Name: "BERT", Learned: v.BaselineLearned) }
            .Where(m => m.Learned == false).Select(m => m.Name).ToList();
        if (untrained.Count > 0)
            return head + $"No conclusion: {string.Join(" and ", untrained)} {(untrained.Count > 1 ? "do" : "does")} not beat always predicting " +
                   $"the most frequent label ({v.Metric} {ReportNumbers.Ratio(v.MajorityScore ?? 0)} on the clean test set) by more than " +
                   $"{VariantRobustness.LearnedMargin:0.00}, so {(untrained.Count > 1 ? "they have" : "it has")} not learned the task and a drop ratio " +
                   "says nothing about robustness (a constant predictor loses nothing under attack).";
        return head + (r.Upper < 1
            ? "The paper's direction shows: CharBERT loses proportionally less than BERT, and the whole interval lies below 1."
            : r.Ratio < 1
                ? "CharBERT loses proportionally less on these test sentences and seeds, but the interval includes 1: the paper's direction is not established here."
                : "The paper's direction does not show: CharBERT loses proportionally as much as BERT or more.");
    }
}
