using System.Globalization;

namespace CharBert.Experiments.Findings;

/// <summary>How reports write scores, ratios and drops: three decimals (∞ for an unbounded interval end) and percentages
/// with one decimal.</summary>
public static class ReportNumbers
{
    public static string Ratio(double value) => double.IsPositiveInfinity(value) ? "∞" : value.ToString("0.000", CultureInfo.InvariantCulture);
    public static string Percent(double value) => (100 * value).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
