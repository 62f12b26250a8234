using System.Diagnostics;
using System.Globalization;
using CharBert.Attacks.Formats;
using CharBert.Text.Tasks;

namespace CharBert.Cli.Commands;

/// <summary>End-to-end attack throughput as a user gets it: runs `charbert attack` as a child process on one copy and
/// on <c>copies</c> concatenated copies of the input, and divides the extra words by the extra wall time, so process
/// start-up, JIT and reading the small file cancel out (marginal throughput). Peak RSS comes from the child itself
/// (<see cref="PeakMemoryReport"/>). Each child is pinned to as many CPUs as it has threads (<see cref="PinnedChildStart"/>),
/// as `taskset` would: "one thread" then means one core, with no second core for the runtime's own threads (garbage
/// collection, recompiling hot code), and the speedup is that of cores. The copies live in a temporary folder that is
/// deleted afterwards.</summary>
static class BenchAttackEndToEnd
{
    /// <summary>One thread count: medians over the repeats for 1 and N copies, and the marginal words per second of
    /// wall time and per second of the child's CPU time (all its threads; steadier on a loaded machine). Speedup is
    /// this row's marginal rate over the one-thread row's, taken within each round and summarised as median, lowest
    /// and highest: rounds run every thread count one after the other, so a machine that speeds up or slows down
    /// between rounds moves both rates of a round alike. ChildCpus: how many CPUs the child could run on (its
    /// <see cref="Environment.ProcessorCount"/>), which pinning sets to the thread count.</summary>
    public sealed record Row(string Recipe, int Threads, int ChildCpus, string EditLog, int Copies, long WordsPerCopy, long BytesPerCopy,
        double SecondsOneCopy, double SecondsCopies, double MarginalWordsPerSecond,
        double CpuSecondsOneCopy, double CpuSecondsCopies, double MarginalWordsPerCpuSecond, long PeakRssOneCopy, long PeakRssCopies,
        double SpeedupMedian, double SpeedupLowest, double SpeedupHighest);

    sealed record Run(double Seconds, double CpuSeconds, long PeakRss, int Cpus);

    public static IReadOnlyList<Row> Measure(TaskId task, string input, string recipe, IReadOnlyList<int> threadCounts, int copies,
        string editLog, int repeats, bool pinned, string tempRoot)
    {
        var folder = Directory.CreateDirectory(Path.Combine(tempRoot, $"charbert-bench-attack-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}")).FullName;
        try
        {
            var one = Path.Combine(folder, "one" + Path.GetExtension(input));
            var many = Path.Combine(folder, $"x{copies}" + Path.GetExtension(input));
            WriteCopies(task, input, one, 1);
            WriteCopies(task, input, many, copies);
            var words = AttackFormats.ReadRecords(AttackFormats.ForTask(task), one).Sum(r => (long)r.Words.Count);
            var extraWords = (copies - 1) * words;
            // Interleaved: round k runs 1 copy and N copies for every thread count before round k+1 starts.
            var small = threadCounts.ToDictionary(t => t, _ => new List<Run>());
            var large = threadCounts.ToDictionary(t => t, _ => new List<Run>());
            for (var k = 0; k < repeats; k++)
                foreach (var threads in threadCounts)
                {
                    small[threads].Add(RunChild(task, one, recipe, threads, editLog, pinned, folder, $"a{threads}-{k}"));
                    large[threads].Add(RunChild(task, many, recipe, threads, editLog, pinned, folder, $"b{threads}-{k}"));
                }
            double Marginal(int threads, int k) => extraWords / Math.Max(large[threads][k].Seconds - small[threads][k].Seconds, 1e-9);
            var rows = new List<Row>();
            foreach (var threads in threadCounts)
            {
                var (t1, tn) = (Median(small[threads].Select(r => r.Seconds)), Median(large[threads].Select(r => r.Seconds)));
                var (c1, cn) = (Median(small[threads].Select(r => r.CpuSeconds)), Median(large[threads].Select(r => r.CpuSeconds)));
                var speedups = Enumerable.Range(0, repeats).Select(k => Marginal(threads, k) / Marginal(threadCounts[0], k)).ToArray();
                rows.Add(new Row(recipe, threads, large[threads].Max(r => r.Cpus), editLog, copies, words, new FileInfo(one).Length, t1, tn, extraWords / Math.Max(tn - t1, 1e-9),
                    c1, cn, extraWords / Math.Max(cn - c1, 1e-9),
                    (long)Median(small[threads].Select(r => (double)r.PeakRss)), (long)Median(large[threads].Select(r => (double)r.PeakRss)),
                    Median(speedups), speedups.Min(), speedups.Max()));
            }
            return rows;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    static readonly byte[] Bom = [0xEF, 0xBB, 0xBF];

    static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The input <paramref name="copies"/> times over: TSV keeps one header, text and CoNLL copies are
    /// separated by a line break when the file lacks a final one. SQuAD JSON cannot be concatenated.</summary>
    static void WriteCopies(TaskId task, string input, string path, int copies)
    {
        if (task.Format.File == TaskFileFormat.SquadJson) throw new ArgumentException("bench attack's end-to-end rows concatenate copies of the input; SQuAD JSON cannot be concatenated");
        var bytes = File.ReadAllBytes(input);
        if (bytes.Length > 0 && bytes[^1] != (byte)'\n') bytes = [.. bytes, (byte)'\n'];
        var repeated = bytes.AsSpan();
        if (task.GlueLayout is { HasHeader: true })
            repeated = repeated[(repeated.IndexOf((byte)'\n') + 1)..];
        else if (repeated.StartsWith(Bom)) repeated = repeated[Bom.Length..];
        using var output = File.Create(path);
        output.Write(bytes);
        for (var c = 1; c < copies; c++) output.Write(repeated);
    }

    static Run RunChild(TaskId task, string input, string recipe, int threads, string editLog, bool pinned, string folder, string name)
    {
        var outDir = Path.Combine(folder, "out-" + name);
        var reportFile = Path.Combine(folder, "resources-" + name);
        var start = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardError = true, RedirectStandardOutput = true };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet") start.ArgumentList.Add(typeof(BenchAttackEndToEnd).Assembly.Location);
        foreach (var arg in new[] { "attack", "--task", task.ToString(), "--input", input, "--recipe", recipe, "--threads", threads.ToString(CultureInfo.InvariantCulture),
                     "--edit-log", editLog, "--quiet", "--out", outDir })
            start.ArgumentList.Add(arg);
        start.Environment[PeakMemoryReport.Variable] = reportFile;
        var clock = Stopwatch.StartNew();
        using var child = pinned ? PinnedChildStart.Start(start, threads) : Process.Start(start)!;
        var stderr = child.StandardError.ReadToEndAsync();
        child.StandardOutput.ReadToEnd();
        child.WaitForExit();
        var seconds = clock.Elapsed.TotalSeconds;
        if (child.ExitCode != 0) throw new UserFacingException($"charbert attack failed (exit {child.ExitCode}) on {input}: {stderr.Result.Trim()}");
        var (rss, cpu, cpus) = PeakMemoryReport.Read(reportFile);
        Directory.Delete(outDir, recursive: true);
        return new Run(seconds, cpu, rss, cpus);
    }
}
