using CharBert.Training.Runs;

namespace CharBert.Experiments.Ablation;

/// <summary>The environment record of one grid cell, with the experiment libraries' versions added. Not named
/// environment.json: the training runs inside a cell (finetune/, pretrain/) write their own record by that name.</summary>
public static class CellEnvironment
{
    public const string FileName = "cell-environment.json";

    public static EnvironmentRecord Capture(string command, string device, int seed) =>
        EnvironmentRecord.Capture(device, seed, command, new Dictionary<string, string>
        {
            ["CsvHelper"] = EnvironmentRecord.AssemblyVersion(typeof(CsvHelper.CsvReader).Assembly),
            ["ScottPlot"] = EnvironmentRecord.AssemblyVersion(typeof(ScottPlot.Plot).Assembly),
        });
}
