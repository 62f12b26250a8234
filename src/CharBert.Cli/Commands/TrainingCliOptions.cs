using System.CommandLine;
using CharBert.Modeling;
using CharBert.Modeling.Precision;

namespace CharBert.Cli.Commands;

/// <summary>Options shared by the training commands (finetune, pretrain).</summary>
static class TrainingCliOptions
{
    public static Option<string> Precision() => new("--precision")
    {
        Description = "fp32 | bf16 (autocast: fp32 weights and optimiser, bf16 matmuls; meant for CUDA, works on CPU)",
        DefaultValueFactory = _ => Precisions.Fp32,
    };

    public static Option<string?> FromCheckpoint() => new("--from-checkpoint")
    {
        Description = "With --resume: continue from this checkpoint (e.g. step-00000500) instead of the newest, when the newest is damaged; newer ones are deleted",
    };

    public static void RequireResume(ParseResult parse, Option<string?> fromCheckpoint)
    {
        if (parse.GetValue(fromCheckpoint) is not null) throw new UserFacingException("--from-checkpoint needs --resume RUN_DIR");
    }
}
