using CharBert.Modeling.Heads;
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
    /// <param name="overwrite">Replace a run already in the output directory (otherwise refused).</param>
    public static PretrainResult Run(PretrainSettings settings, bool overwrite = false, IProgress<TrainingProgress>? progress = null)
    {
        settings.Validate();
        settings = settings with // absolute paths, so --resume works from any directory
        {
            TrainFiles = settings.TrainFiles.Select(Path.GetFullPath).ToArray(),
            EvalFile = settings.EvalFile is { } e ? Path.GetFullPath(e) : null,
            VocabDirectory = Path.GetFullPath(settings.VocabDirectory),
            InitFrom = settings.InitFrom is { } i ? Path.GetFullPath(i) : null,
            ModelConfig = settings.ModelConfig is { } c && File.Exists(c) ? Path.GetFullPath(c) : settings.ModelConfig,
            LowerCase = settings.ResolvedLowerCase,
        };
        return RunFolder.StartFresh(settings.Output, overwrite, settings).Guard(folder => Train(settings, folder, fromCheckpoint: null, progress));
    }

    /// <summary>Continues the run in <paramref name="runDirectory"/> (see FineTuneRunner.Resume).</summary>
    public static PretrainResult Resume(string runDirectory, bool? quiet = null, string? fromCheckpoint = null, IProgress<TrainingProgress>? progress = null)
    {
        var run = RunFolder.OpenForResume(runDirectory, out PretrainSettings saved);
        var settings = saved with { Output = runDirectory, Training = saved.Training with { Quiet = quiet ?? saved.Training.Quiet } };
        settings.Validate();
        return run.Guard(folder => Train(settings, folder, fromCheckpoint, progress));
    }

    static PretrainResult Train(PretrainSettings settings, RunFolder folder, string? fromCheckpoint, IProgress<TrainingProgress>? progress)
    {
        var device = DeviceResolver.Resolve(settings.Training.Device);
        JsonFiles.Write(Path.Combine(settings.Output, RunFiles.Environment), EnvironmentRecord.Capture(device.ToString(), settings.Training.Seed));
        var text = TextResources.Load(settings.VocabDirectory, settings.ResolvedLowerCase);
        var termVocabPath = Path.Combine(settings.VocabDirectory, TextResources.TermVocabFile);
        if (!File.Exists(termVocabPath)) throw new FileNotFoundException($"{termVocabPath} not found: pre-training needs the NLM term vocabulary", termVocabPath);
        var termVocab = TermVocabulary.Load(termVocabPath);

        // the --init-from weights are copied into the model, then released before the corpus is read and training starts
        CharBertConfig config;
        ITaskModel model;
        IReadOnlySet<string> fresh;
        using (var initial = settings.InitFrom is { } initFrom ? ModelCheckpoint.Open(initFrom) : null)
        {
            config = ModelConfig(settings, initial);
            torch.manual_seed(settings.Training.Seed);
            (model, fresh) = BuildModel(settings, config, initial, text, termVocab);
        }
        using var disposeModel = model;
        var blockSize = settings.BlockSize ?? Math.Min(PretrainSettings.DefaultBlockSize, config.MaxPositionEmbeddings);
        if (blockSize > config.MaxPositionEmbeddings)
            throw new ArgumentException($"--block-size {blockSize} exceeds the model's max_position_embeddings ({config.MaxPositionEmbeddings})");

        var tokenizer = new ProjectWordPieceTokenizer(text.Tokenizer);
        var builder = new PretrainingBlockBuilder(tokenizer,
            new NlmWordNoising(settings.CreateNoiser(text.Chars), termVocab, settings.AdvProbability),
            new MaskedLmMasker(tokenizer.MaskId, tokenizer.VocabularySize, settings.MlmProbability), blockSize);

        var featurizer = new PretrainingFeaturizer(new CharFeaturizer(text.Chars, blockSize, FeaturizationOptions.Original));
        var trainBlocks = builder.Build(settings.TrainFiles.SelectMany(PretrainingCorpus.ReadWords), new Random(settings.Training.Seed))
            .Select(featurizer.Featurize).ToList();
        var evalBlocks = settings.EvalFile is { } eval
            ? builder.Build(PretrainingCorpus.ReadWords(eval), new Random(settings.Training.Seed + 1)).Select(featurizer.Featurize).ToList()
            : null;
        if (trainBlocks.Count == 0)
            throw new ArgumentException($"the training corpus yields no complete block of {blockSize} positions; use more text or a smaller --block-size");

        if (model is PreTrainingModel pretraining) pretraining.ScoreLabelledPositionsOnly = true; // same losses, a tenth of the decoder cost
        var source = new PretrainingBatchSource(trainBlocks);
        var evalSource = evalBlocks is null ? null : new PretrainingBatchSource(evalBlocks);
        EvalLosses? lastEval = null;
        var trainer = new Trainer(model.Module, batch => model.Forward(batch).Loss!, source, settings.Training, settings.Output, fresh, progress);
        folder.Started();
        var outcome = trainer.Run(_ => evalSource is null ? new Dictionary<string, double>() : (lastEval = Evaluate(model, evalSource, device, settings.Training.BatchSize)).AsMetrics(),
            folder.HasCheckpoint, fromCheckpoint);

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

    /// <summary>The architecture: the preset or config file, else the --init-from checkpoint's (completed) config.</summary>
    static CharBertConfig ModelConfig(PretrainSettings settings, ModelCheckpoint? initial) => settings.ModelConfig is { } preset
        ? CharBertConfig.FromPresetOrPath(preset)
        : initial!.Config;

    /// <summary>The model, and the names of the parameters the --init-from checkpoint did not provide (empty without one).</summary>
    static (ITaskModel Model, IReadOnlySet<string> Fresh) BuildModel(PretrainSettings settings, CharBertConfig architecture, ModelCheckpoint? initial,
        TextResources text, TermVocabulary termVocab)
    {
        var config = architecture with
        {
            VocabSize = text.Tokenizer.Vocabulary.Count, CharVocabSize = text.Chars.Count, TermVocabSize = termVocab.Count,
        };
        var model = TaskModelFactory.Create(settings.ModelKind, TaskHeadKind.PreTraining, config, 0);
        if (initial is null) return (model, new HashSet<string>());
        if (settings.ModelConfig is null && !PretrainedCheckpoints.HoldsTokenChannelOnly(initial))
        {
            // a CharBERT directory continues as it is (strict; only a head it lacks starts fresh)
            PretrainedCheckpoints.LoadCharBert(model, initial.Weights, freshHead: true);
            return (model, new HashSet<string>());
        }
        // a BERT one (e.g. MiniLM for --model-kind charbert) fills the token channel, with the char channel, fusion and head
        // left fresh: initialization.json lists which is which
        var report = PretrainedCheckpoints.LoadMatching(model, initial);
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
