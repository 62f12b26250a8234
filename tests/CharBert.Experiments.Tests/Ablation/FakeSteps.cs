using CharBert.Experiments.Ablation;

namespace CharBert.Experiments.Tests.Ablation;

/// <summary>Stand-ins for the real steps: record what ran, write a marker file, produce a score that depends
/// on the cell, and optionally "die" (throw) at a chosen cell, as a killed process would stop there.</summary>
sealed class FakeStep(string name, List<string> journal, Func<CellContext, bool>? dieAt = null, Action<CellContext>? produce = null) : ICellStep
{
    public string Name => name;

    public void Run(CellContext context, CancellationToken cancellation)
    {
        if (dieAt?.Invoke(context) == true) throw new SimulatedKillException();
        journal.Add($"{context.Cell.Key}:{name}");
        File.WriteAllText(Path.Combine(context.RunDir, name + ".done"), name);
        produce?.Invoke(context);
    }
}

sealed class SimulatedKillException : Exception;

static class FakeResults
{
    /// <summary>A clean score and one attacked score that differ per variant and seed.</summary>
    public static void Produce(CellContext context)
    {
        var clean = 0.9 - 0.01 * context.Cell.Seed - (context.Cell.Variant == "bert" ? 0.05 : 0);
        context.AddResult("f1", clean);
        var attacked = new AttackedTestSet("drop", 0.3, Path.Combine(context.RunDir, "drop.txt"));
        context.AttackedTestSets.Add(attacked);
        context.AddResult("f1", clean - 0.2, attacked);
    }
}
