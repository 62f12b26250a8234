using System.Diagnostics;
using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Output;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Chunks;

namespace CharBert.Cli.Commands;

/// <summary>Where one thread's time goes inside `charbert attack`, stage by stage, with the input already in memory:
/// cutting the bytes into chunks (with the format's checks, and releasing them after use), parsing a chunk into
/// records, the recipe, rendering the attacked bytes and formatting the edit log. The same calls the attack runner
/// makes, timed around each call, over repeated passes of the input. File reads and writes, hashing and the thread
/// hand-offs are not in it: they are what the end-to-end rows add.</summary>
static class BenchAttackStages
{
    public sealed record Stage(string Name, double NanosecondsPerWord, double Share);

    public sealed record Result(string Recipe, long Words, int Passes, double Seconds, double WordsPerSecond, IReadOnlyList<Stage> Stages);

    static readonly string[] Names = ["read", "parse", "attack", "render", "edit log"];

    public static Result Measure(IAttackFormat format, string path, AttackRecipe recipe, double minSeconds)
    {
        var bytes = File.ReadAllBytes(path);
        var ticks = new long[Names.Length];
        // Warm-up long enough for tiered JIT to reach optimised code; its ticks are thrown away.
        for (var warm = Stopwatch.StartNew(); warm.Elapsed.TotalSeconds < Math.Max(0.5, minSeconds / 2);)
            Pass(format, path, bytes, recipe, new long[Names.Length]);
        long words = 0;
        var passes = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            words += Pass(format, path, bytes, recipe, ticks);
            passes++;
        } while (clock.Elapsed.TotalSeconds < minSeconds);
        var total = ticks.Sum();
        var seconds = (double)total / Stopwatch.Frequency;
        var stages = Names.Select((name, i) => new Stage(name, ticks[i] * 1e9 / Stopwatch.Frequency / words, (double)ticks[i] / total)).ToArray();
        return new Result(recipe.Name, words, passes, seconds, words / seconds, stages);
    }

    /// <summary>One pass over the input; adds each stage's Stopwatch ticks to <paramref name="ticks"/> and returns the words attacked.</summary>
    static long Pass(IAttackFormat format, string path, byte[] bytes, AttackRecipe recipe, long[] ticks)
    {
        var generator = new AttackSetGenerator(recipe, 1, format.WordKind);
        using var edits = new ChunkEdits();
        long words = 0;
        var start = Stopwatch.GetTimestamp();
        using var reader = format.Open(new MemoryStream(bytes, writable: false), path);
        while (reader.Read() is { } chunk)
        {
            Lap(ticks, 0, ref start);
            var records = chunk.Records;
            words += records.WordCount;
            Lap(ticks, 1, ref start);
            var counters = new AttackCounters();
            edits.Clear();
            for (var i = 0; i < records.Count; i++) generator.Attack(records, i, edits, counters);
            Lap(ticks, 2, ref start);
            using (var output = new PooledByteBuffer(chunk.RenderCapacity)) chunk.Render(edits, output);
            Lap(ticks, 3, ref start);
            using (var rows = new PooledByteBuffer(chunk.EditLogCapacity)) EditLog.AppendRows(records, edits, recipe.Name, rows);
            Lap(ticks, 4, ref start);
            chunk.Dispose();
        }
        Lap(ticks, 0, ref start);
        return words;
    }

    static void Lap(long[] ticks, int stage, ref long start)
    {
        var now = Stopwatch.GetTimestamp();
        ticks[stage] += now - start;
        start = now;
    }
}
