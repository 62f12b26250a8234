using System.CommandLine;
using CharBert.Cli.Options;
using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Tasks;
using CharBert.Training;
using CharBert.Training.FineTuning;
using CharBert.Training.Runs;
using CharBert.Training.Tasks;

namespace CharBert.Cli.Commands;

/// <summary>`charbert finetune`: fine-tune CharBERT/BERT on ner, pos, glue:&lt;name&gt; or squad into a run
/// directory, or continue one with --resume. Defaults are the original scripts' hyper-parameters.</summary>
public static class FinetuneCommand
{
    public static Command Create()
    {
        var task = TaskOption.Create("the task to fine-tune on (required unless --resume)", required: false, TaskOption.FineTuned);
        var model = new Option<string?>("--model") { Description = "Pre-trained model: " + ModelOptions.SourceHelp + " (config.json + model.safetensors + vocab files)" };
        var modelConfig = new Option<string?>("--model-config") { Description = "Train from scratch: tiny | small | base | path to config.json (needs --vocab); with --model: this architecture from that directory's weights where they fit" };
        var modelKind = new Option<string>("--model-kind") { Description = "charbert | bert", DefaultValueFactory = _ => "charbert" };
        var vocab = new Option<string?>("--vocab") { Description = "Directory with vocab.txt and bert_char_vocab (default: --model)" };
        var train = new Option<string?>("--train") { Description = "Training file" };
        var dev = new Option<string?>("--dev") { Description = "Dev file, evaluated after every epoch" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs (original: 3)", DefaultValueFactory = _ => 3 };
        var batchSize = new Option<int?>("--batch-size") { Description = "Train batch size (original: 32; 16 for squad)" };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (original: 3e-5)", DefaultValueFactory = _ => 3e-5 };
        var warmup = new Option<int>("--warmup-steps") { Description = "Linear warm-up steps (original: 0)", DefaultValueFactory = _ => 0 };
        var weightDecay = new Option<double>("--weight-decay") { Description = "AdamW weight decay (original: 0)", DefaultValueFactory = _ => 0.0 };
        var accumulation = new Option<int>("--gradient-accumulation-steps") { Description = "Micro-batches per optimiser step", DefaultValueFactory = _ => 1 };
        var maxSeqLength = new Option<int?>("--max-seq-length") { Description = "Tokens per example (original: 128; 384 for squad; at most the model's max_position_embeddings)" };
        var lowerCase = ModelOptions.DoLowerCase();
        var seed = SeedOption.Create("Seed for weights, data order and dropout");
        var device = DeviceOption.Create();
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Checkpoint every N optimiser steps (0: end of each epoch only)", DefaultValueFactory = _ => 500 };
        var output = new Option<string?>("--out") { Description = "Run directory to create" };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this directory from its newest checkpoint" };
        var fromCheckpoint = TrainingCliOptions.FromCheckpoint();
        var overwrite = OverwriteOption.Create();
        var augmentRecipe = new Option<string?>("--augment-recipe") { Description = "AdvBERT augmentation: add attacked copies made with this recipe (charbert2020, pruthi2019, rate)" };
        var augmentProb = new Option<double>("--augment-prob") { Description = "Share of training examples that get an attacked copy", DefaultValueFactory = _ => FineTuneSettings.DefaultAugmentProbability };
        var precision = TrainingCliOptions.Precision();
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (also when output is redirected or CI=true)" };

        var command = new Command("finetune", "Fine-tune CharBERT or BERT on a task; writes a run directory with metrics.json and model/");
        foreach (var option in new Option[] { task, model, modelConfig, modelKind, vocab, train, dev, epochs, batchSize, lr, warmup, weightDecay,
                     accumulation, maxSeqLength, lowerCase, seed, device, checkpointEvery, output, resume, fromCheckpoint, overwrite, augmentRecipe, augmentProb, precision, quiet })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            var isQuiet = parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment;
            var result = TrainingProgressDisplay.For(isQuiet).Run(Train);
            Console.WriteLine($"{result.Task}: step {result.GlobalStep}/{result.TotalSteps}, dev " +
                              string.Join(", ", result.DevMetrics.Select(m => $"{m.Key} {m.Value:F4}")) +
                              $", {result.ExamplesPerSecond:F1} examples/s");
            return 0;

            FineTuneResult Train(IProgress<TrainingProgress>? progress)
            {
                if (parse.GetValue(resume) is { } runDirectory) return FineTuneRunner.Resume(runDirectory, isQuiet, parse.GetValue(fromCheckpoint), progress);
                TrainingCliOptions.RequireResume(parse, fromCheckpoint);
                var spec = parse.GetValue(task) ?? throw new UserFacingException("--task is required (or use --resume RUN_DIR)");
                var settings = new FineTuneSettings
                {
                    Task = spec,
                    ModelDirectory = ModelOptions.ResolveOptional(parse.GetValue(model)),
                    ModelConfig = parse.GetValue(modelConfig),
                    ModelKind = ParseModelKind(parse.GetValue(modelKind)!),
                    VocabDirectory = parse.GetValue(vocab),
                    Train = Require(parse.GetValue(train), "--train"),
                    Dev = Require(parse.GetValue(dev), "--dev"),
                    Output = Require(parse.GetValue(output), "--out"),
                    MaxSeqLength = parse.GetValue(maxSeqLength),
                    LowerCase = parse.GetValue(lowerCase),
                    AugmentRecipe = parse.GetValue(augmentRecipe), AugmentProbability = parse.GetValue(augmentProb),
                    Training = new TrainingOptions
                    {
                        Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batchSize) ?? spec.Format.DefaultBatchSize,
                        LearningRate = parse.GetValue(lr), WarmupSteps = parse.GetValue(warmup), WeightDecay = parse.GetValue(weightDecay),
                        GradientAccumulationSteps = parse.GetValue(accumulation), Seed = parse.GetValue(seed), Device = parse.GetValue(device)!, Precision = parse.GetValue(precision)!,
                        CheckpointEvery = parse.GetValue(checkpointEvery), Quiet = isQuiet,
                    },
                };
                return FineTuneRunner.Run(settings, parse.GetValue(overwrite), progress);
            }
        });
        return command;
    }

    internal static string Require(string? value, string option) =>
        value ?? throw new UserFacingException($"{option} is required (or use --resume RUN_DIR)");

    internal static ModelKind ParseModelKind(string text) => text.ToLowerInvariant() switch
    {
        "charbert" => ModelKind.CharBert,
        "bert" => ModelKind.Bert,
        _ => throw new UserFacingException($"--model-kind must be charbert or bert (got '{text}')"),
    };
}
