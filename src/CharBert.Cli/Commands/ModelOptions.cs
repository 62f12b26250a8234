using System.CommandLine;
using CharBert.Modeling.Pretrained;

namespace CharBert.Cli.Commands;

/// <summary>Options of every command that reads a model directory.</summary>
static class ModelOptions
{
    public const string SourceHelp = "a directory, or a built-in model (minilm-l6, imported once into the cache)";

    public static Option<bool?> DoLowerCase(params string[] aliases) => new("--do-lower-case", aliases)
    {
        Description = "Lower-case before WordPiece (default: as the model's tokenizer_config.json says, else cased; --do-lower-case false forces cased)",
    };

    /// <summary>A model directory, or a built-in model's name (imported into the cache on first use).</summary>
    public static string Resolve(string source) => ModelSource.Resolve(source, log: Console.Error.WriteLine);

    public static string? ResolveOptional(string? source) => source is null ? null : Resolve(source);
}
