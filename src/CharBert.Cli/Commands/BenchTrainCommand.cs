using System.CommandLine;
using CharBert.Cli.Options;
using System.Text.Json;
using CharBert.Text.Tasks;
using CharBert.Training.Benchmarks;
using CharBert.Training.Tasks;
using Spectre.Console;

namespace CharBert.Cli.Commands;

/// <summary>`charbert bench train`: training throughput (examples/s, tokens/s) per task and model size.</summary>
public static class BenchTrainCommand
{
    public static Command Create()
    {
        var tasks = TaskOption.CreateList("tasks to time", [TaskId.Ner, TaskId.Glue("qnli")], TaskOption.FineTuned);
        var configs = new Option<string[]>("--config") { Description = "Model sizes: tiny | small | base | config.json path", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["tiny", "small"] };
        var batch = new Option<int>("--batch-size") { Description = "Examples per step", DefaultValueFactory = _ => 16 };
        var seq = new Option<int>("--max-seq-length") { Description = "Tokens per example", DefaultValueFactory = _ => 64 };
        var steps = new Option<int>("--steps") { Description = "Timed optimiser steps (after one warm-up step)", DefaultValueFactory = _ => 5 };
        var device = DeviceOption.Create();
        var json = new Option<bool>("--json") { Description = "print a JSON array instead of a table" };
        var command = new Command("train", "Training throughput (examples/s, tokens/s) per task and model size");
        foreach (var o in new Option[] { tasks, configs, batch, seq, steps, device, json }) command.Options.Add(o);
        command.SetAction(parse =>
        {
            var results = (from task in parse.GetValue(tasks)!
                           from config in parse.GetValue(configs)!
                           select TrainingBenchmark.Run(task, config, parse.GetValue(batch), parse.GetValue(seq),
                               parse.GetValue(steps), parse.GetValue(device)!)).ToList();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(results, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower }));
                return 0;
            }
            var table = new Table();
            foreach (var header in new[] { "task", "config", "device", "batch", "seq", "steps", "examples/s", "tokens/s" }) table.AddColumn(header);
            foreach (var r in results)
                table.AddRow(r.Task, r.Config, r.Device, r.BatchSize.ToString(), r.SeqLength.ToString(), r.Steps.ToString(), $"{r.ExamplesPerSecond:F1}", $"{r.TokensPerSecond:F0}");
            AnsiConsole.Write(table);
            return 0;
        });
        return command;
    }
}
