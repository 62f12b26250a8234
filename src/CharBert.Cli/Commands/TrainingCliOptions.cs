using System.CommandLine;
using CharBert.Modeling;

namespace CharBert.Cli.Commands;

/// <summary>Options shared by the training commands (finetune, pretrain).</summary>
static class TrainingCliOptions
{
    public static Option<string> Precision() => new("--precision")
    {
        Description = "fp32 | bf16 (autocast: fp32 weights and optimiser, bf16 matmuls; meant for CUDA, works on CPU)",
        DefaultValueFactory = _ => Precisions.Fp32,
    };
}
