using System.CommandLine;

namespace CharBert.Cli.Options;

/// <summary>--seed, one type on every verb: a whole number from 0 to 2,147,483,647 (what torch, System.Random and the
/// attack generators all take), default 42.</summary>
public static class SeedOption
{
    public const int Default = 42;

    public static Option<int> Create(string description) => new("--seed")
    {
        Description = $"{description} (0 to {int.MaxValue}, default {Default})",
        DefaultValueFactory = _ => Default,
        CustomParser = result =>
        {
            var text = result.Tokens.Count == 1 ? result.Tokens[0].Value : string.Join(' ', result.Tokens.Select(t => t.Value));
            if (int.TryParse(text, out var seed) && seed >= 0) return seed;
            result.AddError($"--seed: '{text}' is not a whole number from 0 to {int.MaxValue}");
            return Default;
        },
    };
}
