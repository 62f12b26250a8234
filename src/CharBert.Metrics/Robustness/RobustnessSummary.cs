namespace CharBert.Metrics.Robustness;

/// <summary>Mean and spread of one metric over runs with different seeds.
/// <see cref="StandardDeviation"/> is the sample standard deviation (divides by n − 1, like numpy's
/// <c>std(ddof=1)</c> and pandas' default); it is 0 for a single run.</summary>
public sealed record SeedSummary(double Mean, double StandardDeviation, int Runs)
{
    public override string ToString() => $"{Mean:F2} ± {StandardDeviation:F2} (n={Runs})";
}

public static class RobustnessSummary
{
    /// <summary>(clean − attacked) / clean: the share of the clean score the attack removed
    /// (0.1 = a 10% relative drop; negative when the attack helped).</summary>
    public static double RelativeDrop(double clean, double attacked)
    {
        if (clean == 0) throw new ArgumentException("relative drop is undefined for a clean score of 0");
        return (clean - attacked) / clean;
    }

    public static SeedSummary OverSeeds(IReadOnlyList<double> values)
    {
        if (values.Count == 0) throw new ArgumentException("no runs to summarise");
        var mean = values.Average();
        var variance = values.Count == 1 ? 0 : values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
        return new SeedSummary(mean, Math.Sqrt(variance), values.Count);
    }
}
