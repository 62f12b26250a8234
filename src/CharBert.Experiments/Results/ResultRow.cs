namespace CharBert.Experiments.Results;

/// <summary>One measured number of one grid cell: the tidy unit of summary.csv.
/// <see cref="TestSet"/> names the evaluated file ("clean" or "&lt;attack&gt;@&lt;rate&gt;");
/// <see cref="Attack"/> is "none" and <see cref="Rate"/> 0 for the clean test set.</summary>
public sealed record ResultRow(
    string Variant, int Seed, string Task, string TestSet, string Attack, double Rate, string Metric, double Value)
{
    public const string NoAttack = "none";

    public CellKey Cell => new(Variant, Seed, Task);
    public bool IsClean => Attack == NoAttack;
}

/// <summary>Identity of one grid cell (variant × seed × task).</summary>
public sealed record CellKey(string Variant, int Seed, string Task)
{
    public override string ToString() => $"{Variant}/seed-{Seed}/{Task}";
}

/// <summary>One (variant, task, test set, metric) aggregated over seeds. <see cref="Std"/> is the sample
/// standard deviation (n − 1), 0 when only one seed ran.</summary>
public sealed record AggregateRow(
    string Variant, string Task, string TestSet, string Attack, double Rate, string Metric, int N, double Mean, double Std);
