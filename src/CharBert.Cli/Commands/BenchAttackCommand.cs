using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench attack`: random-recipe throughput (tokens/s) on a CoNLL file, single-threaded and
/// with N threads, plus one end-to-end run (read, attack, write the set, log, statistics, manifest).</summary>
public static class BenchAttackCommand
{
    const string DefaultInput = "shared/data/conll2003/test.txt";

    /// <summary>TokensPerCpuSecond divides by the process CPU time (all threads), so it stays meaningful on a
    /// loaded machine where wall-clock tokens/s mostly measures contention.</summary>
    public sealed record Row(string Recipe, int Threads, long Tokens, int Repeats, double Seconds, double TokensPerSecond, double CpuSeconds, double TokensPerCpuSecond);

    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = $"CoNLL file (default: ../{DefaultInput} found above the current or program folder)" };
        var threads = new Option<int>("--threads") { Description = "Threads for the parallel row", DefaultValueFactory = _ => Environment.ProcessorCount };
        var recipes = new Option<string>("--recipes") { Description = "Comma-separated recipes", DefaultValueFactory = _ => "charbert2020,pruthi2019,rate" };
        var seconds = new Option<double>("--seconds") { Description = "Minimum measured time per row", DefaultValueFactory = _ => 2.0 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("attack", "Throughput of the random attack recipes on CoNLL (tokens/s)");
        foreach (var o in new Option[] { input, threads, recipes, seconds, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)?.FullName ?? FindDefaultInput();
            var document = ConllAttackDocument.Load(path);
            var tokens = document.Records.Sum(r => (long)r.Words.Count);
            var threadCounts = new[] { 1, Math.Max(1, parse.GetValue(threads)) }.Distinct();
            var rows = new List<Row>();
            foreach (var name in parse.GetValue(recipes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var recipe = RecipeCatalog.Create(name, new RecipeRequest(TaskKind.TokenLevel));
                foreach (var n in threadCounts) rows.Add(Measure(recipe, document, n, tokens, parse.GetValue(seconds)));
            }
            var endToEndCold = MeasureEndToEnd(path);
            var endToEnd = MeasureEndToEnd(path); // second run: reader, writers, CsvHelper and JSON already JIT-compiled
            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new { input = Path.GetFileName(path), tokens, rows, end_to_end_cold_seconds = endToEndCold, end_to_end_seconds = endToEnd },
                    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            else
            {
                Console.WriteLine($"input {path}: {tokens:N0} tokens in {document.Records.Count:N0} sentences");
                Console.WriteLine($"{"recipe",-14}{"threads",8}{"repeats",9}{"seconds",9}{"tokens/s",14}{"cpu s",8}{"tokens/cpu-s",14}");
                foreach (var r in rows)
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Recipe,-14}{r.Threads,8}{r.Repeats,9}{r.Seconds,9:F2}{r.TokensPerSecond,14:N0}{r.CpuSeconds,8:F2}{r.TokensPerCpuSecond,14:N0}"));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"end to end (read, charbert2020 attack, write set + edit log + statistics + manifest, 1 thread): first {endToEndCold:F3} s, then {endToEnd:F3} s = {tokens / endToEnd:N0} tokens/s"));
            }
            return 0;
        });
        return command;
    }

    static Row Measure(AttackRecipe recipe, IAttackDocument document, int threads, long tokens, double minSeconds)
    {
        // Warm-up long enough for tiered JIT to reach optimised code (slow to arrive on a busy machine).
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < Math.Max(0.5, minSeconds / 2);)
            new AttackSetGenerator(recipe, 0, TaskKind.TokenLevel).AttackAll(document.Records, threads, new AttackCounters());
        var repeats = 0;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        do
        {
            new AttackSetGenerator(recipe, (ulong)repeats + 1, TaskKind.TokenLevel).AttackAll(document.Records, threads, new AttackCounters());
            repeats++;
        } while (clock.Elapsed.TotalSeconds < minSeconds);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        return new Row(recipe.Name, threads, tokens, repeats, elapsed, tokens * repeats / elapsed, cpu, tokens * repeats / cpu);
    }

    static double MeasureEndToEnd(string path)
    {
        var outDir = Path.Combine(Path.GetTempPath(), $"charbert-bench-attack-{Environment.ProcessId}");
        try
        {
            var clock = Stopwatch.StartNew();
            var document = ConllAttackDocument.Load(path);
            var sets = AttackRunner.Sets("charbert2020", new RecipeRequest(TaskKind.TokenLevel), mixed: true, perType: false);
            AttackRunner.Run(document, path, "ner", sets, 42, TaskKind.TokenLevel, 1, outDir, new Dictionary<string, string>());
            return clock.Elapsed.TotalSeconds;
        }
        finally
        {
            if (Directory.Exists(outDir)) Directory.Delete(outDir, recursive: true);
        }
    }

    static string FindDefaultInput()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir != null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, DefaultInput);
                if (File.Exists(candidate)) return candidate;
            }
        throw new UserFacingException($"no --input given and ../{DefaultInput} not found above {Directory.GetCurrentDirectory()}");
    }
}
