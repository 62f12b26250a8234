using System.CommandLine;

namespace CharBert.Cli.Options;

/// <summary>--overwrite: replace an earlier output of the same command in --out (refused without it). A folder holding
/// anything else is never replaced.</summary>
public static class OverwriteOption
{
    public static Option<bool> Create() => new("--overwrite")
    {
        Description = "Replace an earlier output of this command in --out (without it, such a folder is refused)",
    };
}
