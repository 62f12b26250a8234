using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using CharBert.Text.IO.Squad;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench squad`: reading SQuAD JSON with the streamed reader (training and evaluation) against
/// the whole-file loader (the attack generator's byte-preserving editor): MB/s, examples/s and live memory.</summary>
public static class BenchSquadCommand
{
    public static Command Create()
    {
        var input = new Option<FileInfo?>("--input") { Description = "SQuAD 1.1/2.0 JSON file (default: a generated SQuAD 2.0-shaped file of --generate-mb MB)" };
        var generateMb = new Option<int>("--generate-mb") { Description = "Size of the generated file when no --input is given", DefaultValueFactory = _ => 40 };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of a table" };
        var command = new Command("squad", "SQuAD JSON reading: streamed reader vs whole-file loader (MB/s, examples/s, live memory)");
        foreach (var o in new Option[] { input, generateMb, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var generated = parse.GetValue(input) is null
                ? Path.Combine(Path.GetTempPath(), $"charbert-bench-squad-{Environment.ProcessId}.json")
                : null;
            try
            {
                if (generated != null) SquadReadBenchmark.WriteSynthetic(generated, parse.GetValue(generateMb) * 1_000_000L);
                var path = generated ?? parse.GetValue(input)!.FullName;
                var rows = SquadReadBenchmark.Measure(path);
                if (parse.GetValue(json))
                    Console.WriteLine(JsonSerializer.Serialize(new { input = generated == null ? Path.GetFileName(path) : "generated", rows },
                        new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                else
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{(generated == null ? path : "generated file")}: {rows[0].FileBytes / 1e6:F1} MB, {rows[0].Examples:N0} questions (1 thread)"));
                    Console.WriteLine($"{"reader",-24}{"seconds",9}{"MB/s",9}{"examples/s",12}{"live MB",9}");
                    foreach (var r in rows)
                        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                            $"{r.Reader,-24}{r.Seconds,9:F2}{r.MegabytesPerSecond,9:F1}{r.ExamplesPerSecond,12:N0}{r.PeakLiveBytes / 1e6,9:F1}"));
                }
                return 0;
            }
            finally
            {
                if (generated != null) File.Delete(generated);
            }
        });
        return command;
    }
}
