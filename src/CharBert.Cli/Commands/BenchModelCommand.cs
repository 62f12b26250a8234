using System.CommandLine;
using CharBert.Cli.Options;
using System.Globalization;
using System.Text.Json;
using CharBert.Modeling;
using CharBert.Modeling.Benchmarks;
using CharBert.Training;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench model`: training-step and inference speed (and peak memory) of CharBERT and the BERT baseline.</summary>
public static class BenchModelCommand
{
    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "tiny | small | base | path to config.json", DefaultValueFactory = _ => "small" };
        var seq = new Option<int>("--seq") { Description = "sequence length", DefaultValueFactory = _ => 128 };
        var batch = new Option<int>("--batch") { Description = "batch size", DefaultValueFactory = _ => 8 };
        var device = DeviceOption.Create();
        var dtype = new Option<string>("--dtype") { Description = "fp32 | bf16 (autocast: fp32 weights, bf16 matmuls)", DefaultValueFactory = _ => "fp32" };
        var steps = new Option<int>("--steps") { Description = "timed steps (after 2 warm-up steps)", DefaultValueFactory = _ => 5 };
        var threads = new Option<int>("--threads") { Description = "torch intra-op threads (0 = libtorch default)", DefaultValueFactory = _ => 0 };
        var json = new Option<bool>("--json") { Description = "print a JSON array instead of a table" };
        var command = new Command("model", "Training-step and inference speed of CharBERT and BERT");
        foreach (var o in new Option[] { config, seq, batch, device, dtype, steps, threads, json }) command.Options.Add(o);
        command.SetAction(parseResult =>
        {
            var settings = new BenchmarkSettings(CharBertConfig.FromPresetOrPath(parseResult.GetValue(config)!), parseResult.GetValue(seq),
                parseResult.GetValue(batch), DeviceResolver.Resolve(parseResult.GetValue(device)!).ToString(), parseResult.GetValue(dtype)!, parseResult.GetValue(steps),
                Threads: parseResult.GetValue(threads));
            var results = ModelBenchmark.Run(settings);
            if (parseResult.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(results.Select(r => new
                {
                    model = r.Model, train_step_ms = r.TrainStepMs, train_tokens_per_s = r.TrainTokensPerS, infer_tokens_per_s = r.InferTokensPerS,
                    peak_memory_mb = r.PeakMemoryMb, device = r.Device, dtype = r.DType, seq = r.Seq, batch = r.Batch,
                }), new JsonSerializerOptions { WriteIndented = true }));
                return 0;
            }
            var table = new Table();
            foreach (var c in new[] { "model", "train step ms", "train tok/s", "infer tok/s", "peak MB", "device", "dtype", "seq", "batch" }) table.AddColumn(c);
            string F(double? v) => v?.ToString("F1", CultureInfo.InvariantCulture) ?? "n/a";
            foreach (var r in results)
                table.AddRow(r.Model, F(r.TrainStepMs), F(r.TrainTokensPerS), F(r.InferTokensPerS), F(r.PeakMemoryMb), r.Device, r.DType,
                    r.Seq.ToString(CultureInfo.InvariantCulture), r.Batch.ToString(CultureInfo.InvariantCulture));
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
