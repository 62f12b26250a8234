using System.CommandLine;
using CharBert.Cli.Options;
using CharBert.Modeling.Heads;
using CharBert.Training;
using CharBert.Training.PreTraining;

namespace CharBert.Cli.Commands;

/// <summary>`charbert pretrain`: CharBERT pre-training (MLM on the token channel + NLM on the char channel) on
/// plain-text corpora into a run directory, or --resume one. Defaults: the original run_lm_finetuning.py's.</summary>
public static class PretrainCommand
{
    public static Command Create()
    {
        var train = new Option<string[]>("--train") { Description = "Plain-text corpus file(s)", AllowMultipleArgumentsPerToken = true };
        var eval = new Option<string?>("--eval") { Description = "Held-out corpus: eval MLM/NLM loss after each epoch" };
        var modelConfig = new Option<string?>("--model-config") { Description = "tiny | small | base | path to config.json (fresh weights; with --init-from: that directory's weights where they fit)" };
        var initFrom = new Option<string?>("--init-from") { Description = "Model to continue pre-training from: " + ModelOptions.SourceHelp + " (a BERT checkpoint fills the token channel, the rest starts fresh)" };
        var modelKind = new Option<string>("--model-kind") { Description = "charbert | bert", DefaultValueFactory = _ => "charbert" };
        var vocab = new Option<string?>("--vocab") { Description = "Directory with vocab.txt, bert_char_vocab and term_vocab (default: --init-from)" };
        var output = new Option<string?>("--out") { Description = "Run directory to create" };
        var mlm = new Option<double>("--mlm-probability") { Description = "Share of positions MLM-masked (original: 0.10)", DefaultValueFactory = _ => MaskedLmMasker.DefaultProbability };
        var adv = new Option<double>("--adv-probability") { Description = "Share of words NLM-noised (original: 0.10)", DefaultValueFactory = _ => NlmWordNoising.DefaultProbability };
        var noiseTypes = new Option<string?>("--noise-types") { Description = "NLM noise from attack edit types, e.g. drop,add,swap,keyboard (default: the original's insert/delete/swap noise)" };
        var blockSize = new Option<int?>("--block-size") { Description = $"Positions per packed block, [CLS] and [SEP] included (default {PretrainSettings.DefaultBlockSize}, or the model's max_position_embeddings when smaller)" };
        var maxSteps = new Option<int?>("--max-steps") { Description = "Stop after this many optimiser steps (the schedule spans them)" };
        var epochs = new Option<int>("--epochs") { Description = "Epochs when --max-steps is not given", DefaultValueFactory = _ => 1 };
        var batchSize = new Option<int>("--batch-size") { Description = "Blocks per batch", DefaultValueFactory = _ => 32 };
        var lr = new Option<double>("--lr") { Description = "Peak learning rate (original: 5e-5)", DefaultValueFactory = _ => 5e-5 };
        var warmup = new Option<int>("--warmup-steps") { Description = "Linear warm-up steps", DefaultValueFactory = _ => 0 };
        var freshLr = new Option<double?>("--fresh-lr")
        {
            Description = "Peak learning rate of the parts --init-from does not provide (char channel, fusion, heads: initialization.json's \"fresh\"); default --lr",
        };
        var freshWarmup = new Option<int?>("--fresh-warmup-steps") { Description = "Warm-up of those fresh parts (default --warmup-steps)" };
        var frozenSteps = new Option<int>("--frozen-steps")
        {
            Description = "First steps in which only the fresh parts train (the --init-from weights frozen); their warm-up starts after", DefaultValueFactory = _ => 0,
        };
        var lowerCase = ModelOptions.DoLowerCase();
        var seed = SeedOption.Create("Seed for noise, masking, weights, data order and dropout");
        var device = DeviceOption.Create();
        var checkpointEvery = new Option<int>("--checkpoint-every") { Description = "Checkpoint every N optimiser steps (0: end of each epoch only)", DefaultValueFactory = _ => 500 };
        var resume = new Option<string?>("--resume") { Description = "Continue the run in this directory from its newest checkpoint" };
        var fromCheckpoint = TrainingCliOptions.FromCheckpoint();
        var overwrite = OverwriteOption.Create();
        var precision = TrainingCliOptions.Precision();
        var quiet = new Option<bool>("--quiet") { Description = "No progress bar (also when output is redirected or CI=true)" };

        var command = new Command("pretrain", "Pre-train CharBERT (MLM + NLM); writes a run directory with metrics.json and model/");
        foreach (var option in new Option[] { train, eval, modelConfig, initFrom, modelKind, vocab, output, mlm, adv, noiseTypes, blockSize, maxSteps, epochs,
                     batchSize, lr, warmup, freshLr, freshWarmup, frozenSteps, lowerCase, seed, device, checkpointEvery, resume, fromCheckpoint, overwrite, precision, quiet })
            command.Options.Add(option);

        command.SetAction(parse =>
        {
            var isQuiet = parse.GetValue(quiet) || TrainingOptions.QuietByEnvironment;
            var result = TrainingProgressDisplay.For(isQuiet).Run(Train);
            Console.WriteLine($"pre-training: {result.TrainBlocks} blocks, step {result.GlobalStep}/{result.TotalSteps}, loss {result.FirstLoss:F4} -> {result.LastLoss:F4}" +
                              (result.EvalLoss is { } e ? $", eval loss {e:F4}" : "") + $", {result.TokensPerSecond:F0} tokens/s");
            return 0;

            PretrainResult Train(IProgress<TrainingProgress>? progress)
            {
                if (parse.GetValue(resume) is { } runDirectory) return PretrainRunner.Resume(runDirectory, isQuiet, parse.GetValue(fromCheckpoint), progress);
                TrainingCliOptions.RequireResume(parse, fromCheckpoint);
                var files = parse.GetValue(train) ?? [];
                if (files.Length == 0) throw new UserFacingException("--train is required (or use --resume RUN_DIR)");
                var initFromDirectory = ModelOptions.ResolveOptional(parse.GetValue(initFrom));
                return PretrainRunner.Run(new PretrainSettings
                {
                    TrainFiles = files, EvalFile = parse.GetValue(eval), ModelConfig = parse.GetValue(modelConfig), InitFrom = initFromDirectory,
                    ModelKind = FinetuneCommand.ParseModelKind(parse.GetValue(modelKind)!),
                    VocabDirectory = FinetuneCommand.Require(parse.GetValue(vocab) ?? initFromDirectory, "--vocab"),
                    Output = FinetuneCommand.Require(parse.GetValue(output), "--out"),
                    MlmProbability = parse.GetValue(mlm), AdvProbability = parse.GetValue(adv),
                    NoiseTypes = parse.GetValue(noiseTypes)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                    BlockSize = parse.GetValue(blockSize),
                    LowerCase = parse.GetValue(lowerCase),
                    Training = new TrainingOptions
                    {
                        MaxSteps = parse.GetValue(maxSteps), Epochs = parse.GetValue(epochs), BatchSize = parse.GetValue(batchSize),
                        LearningRate = parse.GetValue(lr), WarmupSteps = parse.GetValue(warmup), Seed = parse.GetValue(seed),
                        Device = parse.GetValue(device)!, Precision = parse.GetValue(precision)!, CheckpointEvery = parse.GetValue(checkpointEvery), Quiet = isQuiet,
                        FreshParameters = new Training.Optimization.FreshParameterSchedule
                        {
                            FreshLearningRate = parse.GetValue(freshLr), FreshWarmupSteps = parse.GetValue(freshWarmup), FrozenSteps = parse.GetValue(frozenSteps),
                        } is { IsDefault: false } schedule ? schedule : null,
                    },
                }, parse.GetValue(overwrite), progress);
            }
        });
        return command;
    }
}
