using System.CommandLine;
using CharBert.Cli.Commands;

namespace CharBert.Cli;

/// <summary>Every verb of the `charbert` executable. Each lives in Commands/ and exposes Create().</summary>
public static class CommandRegistry
{
    public static IEnumerable<Command> All()
    {
        yield return VersionCommand.Create();
        yield return BenchCommand.Create();
        yield return VerifyReferenceCommand.Create();
        yield return DataCommand.Create();
        yield return ModelsCommand.Create();
        yield return VocabCommand.Create();
        yield return AttackCommand.Create();
        yield return AblateCommand.Create();
        yield return SweepCommand.Create();
        yield return PlotCommand.Create();
        yield return ReportCommand.Create();
        yield return SensitivityCommand.Create();
        yield return TrainWordRecCommand.Create();
        yield return FinetuneCommand.Create();
        yield return EvaluateCommand.Create();
        yield return PretrainCommand.Create();
        yield return DemoCommand.Create();
    }
}
