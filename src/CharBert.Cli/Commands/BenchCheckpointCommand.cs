using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using CharBert.Modeling.Benchmarks;
using CharBert.Text.IO;
using CsvHelper;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench checkpoint`: load time and peak memory of a generated bert-base-sized checkpoint (about
/// 440 MB) in safetensors, zip .bin and legacy .bin, with each reader the toolkit uses (and PyBridge's safetensors
/// reader, the alternative to ours). Each reader is measured in a fresh `charbert` process (hidden --reader option),
/// so that one reader's freed native memory does not hide the next one's peak.</summary>
public static class BenchCheckpointCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "model size of the generated checkpoint: tiny | small | base | config.json", DefaultValueFactory = _ => "base" };
        var runs = new Option<int>("--runs") { Description = "loads per reader (best and median are reported)", DefaultValueFactory = _ => 3 };
        var directory = new Option<string?>("--dir") { Description = "folder for the generated files (default: a temporary folder, deleted afterwards)" };
        var inProcess = new Option<bool>("--in-process") { Description = "measure every reader in this process (faster; peak RSS then depends on the order)" };
        var csv = new Option<string?>("--csv") { Description = "also write the rows to this CSV file" };
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var reader = new Option<string?>("--reader") { Description = "internal: measure one reader on the files already in --dir", Hidden = true };
        var command = new Command("checkpoint", "Checkpoint loading: safetensors vs zip .bin vs legacy .bin (seconds, MB/s, peak RSS and managed memory)");
        foreach (var o in new Option[] { config, runs, directory, inProcess, csv, json, reader }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var count = Math.Max(1, parse.GetValue(runs));
            if (parse.GetValue(reader) is { } id)
            {
                var dir = parse.GetValue(directory) ?? throw new ArgumentException("--reader needs --dir");
                var one = CheckpointLoadBenchmark.Readers.FirstOrDefault(r => r.Id == id) ?? throw new ArgumentException($"unknown reader '{id}'");
                Console.WriteLine(JsonSerializer.Serialize(CheckpointLoadBenchmark.Measure(one, CheckpointFiles.In(dir), count, Warmup(dir)), Json));
                return 0;
            }
            var folder = parse.GetValue(directory) ?? Path.Combine(Path.GetTempPath(), $"charbert-bench-checkpoint-{Environment.ProcessId}");
            var quiet = parse.GetValue(json);
            Action<string>? progress = quiet ? null : message => Console.Error.WriteLine(message);
            try
            {
                var files = CheckpointLoadBenchmark.WriteCheckpoints(new CheckpointBenchmarkSettings(folder, Config: parse.GetValue(config)!), progress);
                CheckpointLoadBenchmark.WriteCheckpoints(new CheckpointBenchmarkSettings(Warmup(folder).Directory, Config: "tiny"));
                var rows = CheckpointLoadBenchmark.Readers.Select(r =>
                {
                    progress?.Invoke($"reading {Path.GetFileName(r.File(files))} with {r.Name} ({count} runs)");
                    return parse.GetValue(inProcess) ? CheckpointLoadBenchmark.Measure(r, files, count, Warmup(folder)) : MeasureInChild(r.Id, folder, count);
                }).ToList();
                if (parse.GetValue(csv) is { } csvPath)
                    AtomicFile.WriteViaTempPath(csvPath, temp =>
                    {
                        using var writer = new StreamWriter(temp);
                        using var csvWriter = new CsvWriter(writer, CultureInfo.InvariantCulture);
                        csvWriter.WriteRecords(rows);
                    });
                if (quiet) Console.WriteLine(JsonSerializer.Serialize(rows, Json));
                else Print(rows, parse.GetValue(inProcess));
                return 0;
            }
            finally
            {
                if (parse.GetValue(directory) is null && Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
            }
        });
        return command;
    }

    /// <summary>Small files of the same formats, read once before measuring (they fault in the reader's code).</summary>
    private static CheckpointFiles Warmup(string folder) => CheckpointFiles.In(Path.Combine(folder, "warmup"));

    /// <summary>Runs `charbert bench checkpoint --reader ID --dir DIR` (this executable, or `dotnet charbert.dll`).</summary>
    private static CheckpointLoadResult MeasureInChild(string reader, string directory, int runs)
    {
        var self = Environment.ProcessPath ?? throw new UserFacingException("cannot start a measuring process: unknown executable (use --in-process)");
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        foreach (var arg in new[] { "bench", "checkpoint", "--reader", reader, "--dir", directory, "--runs", runs.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        using var child = Process.Start(start)!;
        var stdout = child.StandardOutput.ReadToEndAsync();
        var stderr = child.StandardError.ReadToEnd();
        child.WaitForExit();
        if (child.ExitCode != 0)
            throw new UserFacingException($"measuring {reader} failed (exit {child.ExitCode}): {stderr.Trim()}");
        return JsonSerializer.Deserialize<CheckpointLoadResult>(stdout.Result, Json)
               ?? throw new UserFacingException($"measuring {reader} printed no result");
    }

    private static void Print(IReadOnlyList<CheckpointLoadResult> rows, bool inProcess)
    {
        Console.WriteLine($"{"format",-12}{"reader",-38}{"MB",8}{"first s",9}{"best s",8}{"median s",10}{"MB/s",8}{"peak RSS +MB",14}{"peak managed MB",17}");
        foreach (var r in rows)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Format,-12}{r.Reader,-38}{r.FileMb,8:F1}{r.FirstSeconds,9:F2}{r.BestSeconds,8:F2}{r.MedianSeconds,10:F2}{r.MbPerSecond,8:F0}{r.PeakRssAboveBaselineMb,14:F0}{r.PeakManagedMb,17:F1}"));
        Console.WriteLine(inProcess
            ? "readers measured in this process, in this order: a peak RSS may be lowered by memory an earlier reader freed"
            : "each reader measured in a fresh process (after one load of a tiny file of the same format); warm page cache;\n" +
              "MB/s and memory are the first load's; later loads may reuse memory the process kept");
        if (rows.Any(r => !r.PeakRssReset))
            Console.WriteLine("note: the peak RSS could not be reset between runs (no /proc/self/clear_refs): it covers the whole process");
    }
}
