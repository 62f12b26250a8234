using System.CommandLine;
using CharBert.Modeling.Pretrained;
using CharBert.Text.IO;

namespace CharBert.Cli.Commands;

/// <summary>`charbert models ...`: pretrained starting points as toolkit model directories.</summary>
public static class ModelsCommand
{
    public static Command Create()
    {
        var command = new Command("models", "Pretrained models as toolkit model directories (for --model / --init-from)");
        command.Subcommands.Add(Import());
        return command;
    }

    /// <summary>`charbert models import NAME --out DIR`: a built-in model, written whole or not at all.</summary>
    static Command Import()
    {
        var name = new Argument<string>("name") { Description = "Built-in model: " + string.Join(", ", BuiltInModels.All.Select(m => $"{m.Name} ({m.Description})")) };
        var output = new Option<string>("--out") { Description = "Model directory to create (must not exist)", Required = true };
        var command = new Command("import", "Write a built-in model as a model directory: config.json, model.safetensors, vocab.txt, bert_char_vocab, term_vocab, tokenizer_config.json, provenance.json");
        command.Arguments.Add(name);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            var requested = parse.GetValue(name)!;
            var model = BuiltInModels.Find(requested)
                        ?? throw new UserFacingException($"no built-in model named {requested} (built-in: {string.Join(", ", BuiltInModels.Names)})");
            var directory = Path.GetFullPath(parse.GetValue(output)!);
            if (Directory.Exists(directory) || File.Exists(directory)) throw new UserFacingException($"--out {directory} already exists; give a new directory");
            Directory.CreateDirectory(Path.GetDirectoryName(directory)!);
            AtomicFile.WriteDirectory(directory, model.Import);
            Console.WriteLine($"{model.Name}: {model.Description}");
            foreach (var file in Directory.GetFiles(directory).Order(StringComparer.Ordinal))
                Console.WriteLine($"  {Path.GetFileName(file),-22} {new FileInfo(file).Length / 1e6,8:F2} MB");
            Console.WriteLine($"written to {directory} (use it as --model / --init-from, or name it: --model {model.Name})");
            return 0;
        });
        return command;
    }
}
