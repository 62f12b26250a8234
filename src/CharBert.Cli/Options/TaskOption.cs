using CharBert.Text.Tasks;
using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace CharBert.Cli.Options;

/// <summary>--task, parsed once into a <see cref="TaskId"/> on every verb: completions list ner, pos, every known
/// glue:&lt;name&gt;, squad and text (those the verb takes), and a bad value is a parse error listing the valid ones.</summary>
public static class TaskOption
{
    /// <summary>The finetune/evaluate tasks: those a model can be fine-tuned on.</summary>
    public static readonly TaskFamily[] FineTuned = [TaskFamily.Ner, TaskFamily.Pos, TaskFamily.Glue, TaskFamily.Squad];

    /// <param name="families">The task families this verb takes (none given: all).</param>
    public static Option<TaskId> Create(string description, bool required, params TaskFamily[] families) =>
        Create(description, required, null, families);

    public static Option<TaskId> Create(string description, bool required, TaskId? defaultValue, params TaskFamily[] families)
    {
        var option = new Option<TaskId>("--task")
        {
            Description = $"{Choices(families)}: {description}",
            Required = required,
            CustomParser = result => Parse(result, result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value)), families),
        };
        if (defaultValue is not null) option.DefaultValueFactory = _ => defaultValue;
        option.CompletionSources.Add(_ => Examples(families).Select(t => new CompletionItem(t.ToString())));
        return option;
    }

    /// <summary>--task taking several values (bench train).</summary>
    public static Option<TaskId[]> CreateList(string description, IReadOnlyList<TaskId> defaults, params TaskFamily[] families)
    {
        var option = new Option<TaskId[]>("--task")
        {
            Description = $"{Choices(families)}: {description}",
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => [.. defaults],
            CustomParser = result => result.Tokens.Select(t => Parse(result, t.Value, families)).OfType<TaskId>().ToArray(),
        };
        option.CompletionSources.Add(_ => Examples(families).Select(t => new CompletionItem(t.ToString())));
        return option;
    }

    static TaskId? Parse(ArgumentResult result, string text, TaskFamily[] families)
    {
        if (!TaskId.TryParse(text, out var task, out var error))
        {
            result.AddError($"--task: {error}");
            return null;
        }
        if (families.Length > 0 && !families.Contains(task.Family))
        {
            result.AddError($"--task: this verb takes {Choices(families)}, not '{task}'");
            return null;
        }
        return task;
    }

    static IEnumerable<TaskId> Examples(TaskFamily[] families) =>
        TaskId.Examples.Where(t => families.Length == 0 || families.Contains(t.Family));

    static string Choices(TaskFamily[] families) => families.Length == 0 ? TaskId.ValidValues : TaskId.Describe(families);
}
