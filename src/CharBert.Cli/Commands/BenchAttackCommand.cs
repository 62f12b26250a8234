using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Recipes;
using CharBert.Cli.Options;
using CharBert.Text.Tasks;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench attack`: three views side by side. Core: the recipes alone on records already in memory
/// (no reading, writing or logging), tokens per second with 1 and N threads. Stages: one thread's time per word in
/// each step of the command, input in memory (<see cref="BenchAttackStages"/>). End to end: the real `charbert attack`
/// command as a child process, marginal words per second between 1 copy and N copies of the input (start-up
/// excluded), with peak RSS for each and the speedup of N threads (<see cref="BenchAttackEndToEnd"/>).</summary>
public static class BenchAttackCommand
{
    const string DefaultInput = "shared/data/conll2003/test.txt";

    /// <summary>TokensPerCpuSecond divides by the process CPU time (all threads), so it stays meaningful on a
    /// loaded machine where wall-clock tokens/s mostly measures contention.</summary>
    public sealed record Row(string Recipe, int Threads, long Tokens, int Repeats, double Seconds, double TokensPerSecond, double CpuSeconds, double TokensPerCpuSecond);

    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = $"Input file (default: ../{DefaultInput} found above the current or program folder)" };
        var task = TaskOption.Create("the format of the input", required: false, TaskId.Ner);
        var threads = new Option<int>("--threads") { Description = "Threads for the parallel rows (1 is always measured too)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var recipes = new Option<string>("--recipes") { Description = "Comma-separated recipes for the core rows", DefaultValueFactory = _ => "charbert2020,pruthi2019,rate" };
        var seconds = new Option<double>("--seconds") { Description = "Minimum measured time per core row", DefaultValueFactory = _ => 2.0 };
        var copies = new Option<int>("--copies") { Description = "End to end: copies of the input in the large run", DefaultValueFactory = _ => 20 };
        var recipe = new Option<string>("--end-to-end-recipe") { Description = "End to end: the recipe", DefaultValueFactory = _ => "charbert2020" };
        var editLog = new Option<string>("--edit-log") { Description = "End to end: csv | none", DefaultValueFactory = _ => "csv" };
        var repeats = new Option<int>("--repeats") { Description = "End to end: runs per size (medians are reported)", DefaultValueFactory = _ => 5 };
        var unpinned = new Option<bool>("--unpinned") { Description = "End to end: let each child run on every CPU instead of pinning it to as many CPUs as it has threads (Linux)" };
        var temp = new Option<DirectoryInfo?>("--temp") { Description = "End to end: folder for the copies and outputs (deleted afterwards; default: the system temp folder)" };
        var skip = new Option<string?>("--skip") { Description = "Comma-separated parts to leave out: core, stages, end-to-end" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("attack", "Attack throughput: recipes alone (core) and the whole `charbert attack` command (end to end, marginal, with peak RSS)");
        foreach (var o in new Option[] { input, task, threads, recipes, seconds, copies, recipe, editLog, repeats, unpinned, temp, skip, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)?.FullName ?? FindDefaultInput();
            var taskName = parse.GetValue(task)!;
            var threadCounts = new[] { 1, Math.Max(1, parse.GetValue(threads)) }.Distinct().ToArray();
            var skipped = (parse.GetValue(skip) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (skipped.FirstOrDefault(part => part is not ("core" or "stages" or "end-to-end")) is { } unknown)
                throw new ArgumentException($"--skip takes core, stages and end-to-end, not '{unknown}'");

            var format = AttackFormats.ForTask(taskName);
            var records = AttackFormats.ReadRecords(format, path);
            var tokens = records.Sum(r => (long)r.Words.Count);
            var core = new List<Row>();
            if (!skipped.Contains("core"))
                foreach (var name in parse.GetValue(recipes)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var attackRecipe = RecipeCatalog.Create(name, new RecipeRequest(format.WordKind));
                    foreach (var n in threadCounts) core.Add(Measure(attackRecipe, format.WordKind, records, n, tokens, parse.GetValue(seconds)));
                }
            var stages = skipped.Contains("stages")
                ? null
                : BenchAttackStages.Measure(format, path, RecipeCatalog.Create(parse.GetValue(recipe)!, new RecipeRequest(format.WordKind)), parse.GetValue(seconds));
            var endToEnd = skipped.Contains("end-to-end")
                ? []
                : BenchAttackEndToEnd.Measure(taskName, path, parse.GetValue(recipe)!, threadCounts, Math.Max(2, parse.GetValue(copies)),
                    parse.GetValue(editLog)!, Math.Max(1, parse.GetValue(repeats)), !parse.GetValue(unpinned) && PinnedChildStart.IsSupported, parse.GetValue(temp)?.FullName ?? Path.GetTempPath());

            if (parse.GetValue(json))
                Console.WriteLine(JsonSerializer.Serialize(new { input = Path.GetFileName(path), task = taskName.ToString(), tokens, core, stages, end_to_end = endToEnd },
                    new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
            else
                Print(path, tokens, records.Count, core, stages, endToEnd);
            return 0;
        });
        return command;
    }

    static void Print(string path, long tokens, int records, IReadOnlyList<Row> core, BenchAttackStages.Result? stages,
        IReadOnlyList<BenchAttackEndToEnd.Row> endToEnd)
    {
        Console.WriteLine($"input {path}: {tokens:N0} words in {records:N0} records");
        if (core.Count > 0)
        {
            Console.WriteLine("core (recipe on records in memory; no reading, writing or edit log):");
            Console.WriteLine($"{"recipe",-14}{"threads",8}{"repeats",9}{"seconds",9}{"tokens/s",14}{"cpu s",8}{"tokens/cpu-s",14}");
            foreach (var r in core)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Recipe,-14}{r.Threads,8}{r.Repeats,9}{r.Seconds,9:F2}{r.TokensPerSecond,14:N0}{r.CpuSeconds,8:F2}{r.TokensPerCpuSecond,14:N0}"));
        }
        if (stages != null)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stages ({stages.Recipe}, one thread, input in memory; no file reads, writes, hashing or hand-offs): {stages.WordsPerSecond:N0} words/s"));
            Console.WriteLine($"{"stage",-10}{"ns/word",10}{"share",8}");
            foreach (var stage in stages.Stages)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{stage.Name,-10}{stage.NanosecondsPerWord,10:F1}{stage.Share,8:P0}"));
        }
        if (endToEnd.Count == 0) return;
        var first = endToEnd[0];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"end to end (`charbert attack --recipe {first.Recipe} --edit-log {first.EditLog}` as a child process; marginal = extra words / extra seconds of {first.Copies} copies over 1):"));
        Console.WriteLine($"{"threads",8}{"cpus",6}{"1 copy s",10}{$"{first.Copies} copies s",14}{"marginal words/s",18}{"cpu s",8}{$"{first.Copies}x cpu s",12}{"words/cpu-s",14}{"RSS 1 copy MB",15}{$"RSS {first.Copies} copies MB",18}{"speedup (range)",20}");
        foreach (var r in endToEnd)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Threads,8}{r.ChildCpus,6}{r.SecondsOneCopy,10:F2}{r.SecondsCopies,14:F2}{r.MarginalWordsPerSecond,18:N0}{r.CpuSecondsOneCopy,8:F2}{r.CpuSecondsCopies,12:F2}{r.MarginalWordsPerCpuSecond,14:N0}{r.PeakRssOneCopy / 1e6,15:F0}{r.PeakRssCopies / 1e6,18:F0}{$"{r.SpeedupMedian:F2} ({r.SpeedupLowest:F2}-{r.SpeedupHighest:F2})",20}"));
    }

    static Row Measure(AttackRecipe recipe, WordGranularity kind, IReadOnlyList<AttackRecordInput> records, int threads, long tokens, double minSeconds)
    {
        // Warm-up long enough for tiered JIT to reach optimised code (slow to arrive on a busy machine).
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < Math.Max(0.5, minSeconds / 2);)
            new AttackSetGenerator(recipe, 0, kind).AttackAll(records, threads, new AttackCounters());
        var repeats = 0;
        var cpuBefore = Environment.CpuUsage.TotalTime;
        var clock = Stopwatch.StartNew();
        do
        {
            new AttackSetGenerator(recipe, (ulong)repeats + 1, kind).AttackAll(records, threads, new AttackCounters());
            repeats++;
        } while (clock.Elapsed.TotalSeconds < minSeconds);
        var elapsed = clock.Elapsed.TotalSeconds;
        var cpu = (Environment.CpuUsage.TotalTime - cpuBefore).TotalSeconds;
        return new Row(recipe.Name, threads, tokens, repeats, elapsed, tokens * repeats / elapsed, cpu, tokens * repeats / cpu);
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
