using CharBert.Text.IO;
using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Text.Featurization;
using CharBert.Text.Vocab;
using CharBert.Training.Data;
using CharBert.Training.FineTuning;
using CharBert.Training.Runs;
using CharBert.Training.Tasks;
using TorchSharp;

namespace CharBert.Training.PreTraining;

/// <summary>`charbert pretrain`: streams the corpus into blocks (noise, WordPiece, MLM masking; one seeded generator,
/// so a resumed run rebuilds identical blocks; the featurised blocks are held in memory), trains MLM + NLM with the shared <see cref="Trainer"/>, and leaves
/// metrics.json and model/ (with the vocabularies) in the run directory.</summary>
public static class PretrainRunner
{
    public static PretrainResult Run(PretrainSettings settings) => Execute(settings, resume: false);

    public static PretrainResult Resume(string runDirectory, bool? quiet = null)
    {
        var configPath = Path.Combine(runDirectory, RunFiles.Config);
        if (!File.Exists(configPath)) throw new FileNotFoundException($"{configPath} not found: {runDirectory} is not a run directory", configPath);
        var settings = JsonFiles.Read<PretrainSettings>(configPath) with { Output = runDirectory };
        if (quiet is { } q) settings = settings with { Training = settings.Training with { Quiet = q } };
        return Execute(settings, resume: true);
    }

    static PretrainResult Execute(PretrainSettings settings, bool resume)
    {
        settings.Validate();
        if (!resume)
        {
            settings = settings with // absolute paths, so --resume works from any directory
            {
                TrainFiles = settings.TrainFiles.Select(Path.GetFullPath).ToArray(),
                EvalFile = settings.EvalFile is { } e ? Path.GetFullPath(e) : null,
                VocabDirectory = Path.GetFullPath(settings.VocabDirectory),
                InitFrom = settings.InitFrom is { } i ? Path.GetFullPath(i) : null,
                ModelConfig = settings.ModelConfig is { } c && File.Exists(c) ? Path.GetFullPath(c) : settings.ModelConfig,
                LowerCase = settings.ResolvedLowerCase,
            };
            RunFiles.RequireFreshRunDirectory(settings.Output);
            JsonFiles.Write(Path.Combine(settings.Output, RunFiles.Config), settings);
        }
        JsonFiles.Write(Path.Combine(settings.Output, RunFiles.Environment), EnvironmentRecord.Capture(settings.Training.Device, settings.Training.Seed));

        var text = TextResources.Load(settings.VocabDirectory, settings.ResolvedLowerCase);
        var termVocabPath = Path.Combine(settings.VocabDirectory, TextResources.TermVocabFile);
        if (!File.Exists(termVocabPath)) throw new FileNotFoundException($"{termVocabPath} not found: pre-training needs the NLM term vocabulary", termVocabPath);
        var termVocab = TermVocabulary.Load(termVocabPath);
        var tokenizer = new ProjectWordPieceTokenizer(text.Tokenizer);
        var builder = new PretrainingBlockBuilder(tokenizer,
            new NlmWordNoising(settings.CreateNoiser(text.Chars), termVocab, settings.AdvProbability),
            new MaskedLmMasker(tokenizer.MaskId, tokenizer.VocabularySize, settings.MlmProbability), settings.BlockSize);

        var featurizer = new PretrainingFeaturizer(new CharFeaturizer(text.Chars, settings.BlockSize, FeaturizationOptions.Original));
        var trainBlocks = builder.Build(settings.TrainFiles.SelectMany(PretrainingCorpus.ReadWords), new Random(settings.Training.Seed))
            .Select(featurizer.Featurize).ToList();
        var evalBlocks = settings.EvalFile is { } eval
            ? builder.Build(PretrainingCorpus.ReadWords(eval), new Random(settings.Training.Seed + 1)).Select(featurizer.Featurize).ToList()
            : null;
        if (trainBlocks.Count == 0)
            throw new ArgumentException($"the training corpus yields no complete block of {settings.BlockSize} positions; use more text or a smaller --block-size");

        torch.manual_seed(settings.Training.Seed);
        var (model, fresh) = BuildModel(settings, text, termVocab);
        if (model is PreTrainingModel pretraining) pretraining.ScoreLabelledPositionsOnly = true; // same losses, a tenth of the decoder cost
        var device = DeviceResolver.Resolve(settings.Training.Device);
        var source = new PretrainingBatchSource(trainBlocks);
        var evalSource = evalBlocks is null ? null : new PretrainingBatchSource(evalBlocks);
        EvalLosses? lastEval = null;
        var trainer = new Trainer(model.Module, batch => model.Forward(batch).Loss!, source, settings.Training, settings.Output, fresh);
        var outcome = trainer.Run(_ => evalSource is null ? new Dictionary<string, double>() : (lastEval = Evaluate(model, evalSource, device, settings.Training.BatchSize)).AsMetrics(), resume);

        var log = new TrainingLog(Path.Combine(settings.Output, RunFiles.TrainLog));
        log.LoadUpTo(int.MaxValue);
        if (evalSource is not null) lastEval ??= Evaluate(model, evalSource, device, settings.Training.BatchSize);
        var result = new PretrainResult(trainBlocks.Count, outcome.GlobalStep, outcome.TotalSteps, outcome.Completed,
            log.Rows.FirstOrDefault()?.Loss ?? double.NaN, log.Rows.LastOrDefault()?.Loss ?? double.NaN,
            lastEval?.Total, lastEval?.MaskedLm, lastEval?.Term, outcome.Seconds, outcome.ExamplesPerSecond, outcome.TokensPerSecond, outcome.Epochs);
        if (!outcome.Completed) return result;

        var modelDirectory = Path.Combine(settings.Output, RunFiles.Model);
        if (Directory.Exists(modelDirectory)) Directory.Delete(modelDirectory, recursive: true);
        AtomicFile.WriteDirectory(modelDirectory, temp => text.SaveModel(temp, model, null));
        JsonFiles.Write(Path.Combine(settings.Output, RunFiles.Metrics), result);
        return result;
    }

    /// <summary>The model, and the names of the parameters the --init-from checkpoint did not provide (empty without one).</summary>
    static (ITaskModel Model, IReadOnlySet<string> Fresh) BuildModel(PretrainSettings settings, TextResources text, TermVocabulary termVocab)
    {
        var config = (settings.ModelConfig is { } preset
            ? CharBertConfig.FromPresetOrPath(preset)
            : CharBertConfig.Load(Path.Combine(settings.InitFrom!, ModelDirectory.ConfigFile))) with
        {
            VocabSize = text.Tokenizer.Vocabulary.Count, CharVocabSize = text.Chars.Count, TermVocabSize = termVocab.Count,
        };
        if (settings.BlockSize > config.MaxPositionEmbeddings)
            throw new ArgumentException($"--block-size {settings.BlockSize} exceeds the model's max_position_embeddings ({config.MaxPositionEmbeddings})");
        var model = TaskModelFactory.Create(settings.ModelKind, TaskHeadKind.PreTraining, config, 0);
        if (settings.InitFrom is not { } directory) return (model, new HashSet<string>());
        if (settings.ModelConfig is null && !PretrainedCheckpoints.HoldsTokenChannelOnly(directory))
        {
            // a CharBERT directory continues as it is (strict; only a head it lacks starts fresh)
            PretrainedCheckpoints.LoadCharBert(model, Path.Combine(directory, ModelDirectory.WeightsFile), freshHead: true);
            return (model, new HashSet<string>());
        }
        // a BERT one (e.g. MiniLM for --model-kind charbert) fills the token channel, with the char channel, fusion and head
        // left fresh: initialization.json lists which is which
        var report = PretrainedCheckpoints.LoadMatching(model, directory);
        ModelBuilder.WriteInitialization(settings.Output, report);
        return (model, report.Fresh.ToHashSet(StringComparer.Ordinal));
    }

    sealed record EvalLosses(double Total, double MaskedLm, double Term)
    {
        public IReadOnlyDictionary<string, double> AsMetrics() => new Dictionary<string, double>
        {
            ["eval_loss"] = Total, ["eval_mlm_loss"] = MaskedLm, ["eval_nlm_loss"] = Term, ["perplexity"] = Math.Exp(MaskedLm),
        };
    }

    /// <summary>Mean losses over the eval blocks (batch means weighted by batch size), no_grad in eval mode.</summary>
    static EvalLosses Evaluate(ITaskModel model, PretrainingBatchSource blocks, torch.Device device, int batchSize)
    {
        var wasTraining = model.Module.training;
        model.Module.eval();
        try
        {
            using var noGrad = torch.no_grad();
            double total = 0, mlm = 0, term = 0;
            foreach (var indices in EpochOrder.Sequential(blocks.Count, batchSize))
            {
                using var scope = torch.NewDisposeScope();
                using var cpu = blocks.Collate(indices, 0);
                using var batch = cpu.To(device);
                var output = model.Forward(batch);
                total += output.Loss!.item<float>() * indices.Length;
                mlm += (output.MaskedLmLoss?.item<float>() ?? 0) * indices.Length;
                term += (output.TermLoss?.item<float>() ?? 0) * indices.Length;
            }
            return new EvalLosses(total / blocks.Count, mlm / blocks.Count, term / blocks.Count);
        }
        finally
        {
            if (wasTraining) model.Module.train();
        }
    }
}
