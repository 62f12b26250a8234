using System.Diagnostics;
using CharBert.Modeling;
using CharBert.Modeling.Precision;
using CharBert.Training.Data;
using CharBert.Training.Optimization;
using CharBert.Training.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Training;

/// <summary>The training loop shared by fine-tuning and pre-training: seeded epoch order, AdamW with a linear
/// warm-up/decay schedule, gradient accumulation and clipping, per-epoch dev evaluation, a CSV log,
/// checkpoints and exact resume. The model must already be built (outside any dispose scope) and seeded.</summary>
public sealed class Trainer
{
    readonly nn.Module model;
    readonly Func<ModelBatch, Tensor> computeLoss;
    readonly IBatchSource train;
    readonly TrainingOptions options;
    readonly string runDirectory;
    readonly CheckpointStore checkpoints;
    readonly TrainingLog log;
    readonly Device device;
    readonly IReadOnlySet<string> freshParameters;
    readonly IProgress<TrainingProgress>? progress;

    /// <param name="freshParameters">Names of the parameters the initial checkpoint did not provide; they follow
    /// <see cref="TrainingOptions.FreshParameters"/>' schedule (ignored when that is null).</param>
    /// <param name="progress">Told where training stands after every optimiser step (null: nobody listens).</param>
    public Trainer(nn.Module model, Func<ModelBatch, Tensor> computeLoss, IBatchSource train, TrainingOptions options, string runDirectory,
        IReadOnlySet<string>? freshParameters = null, IProgress<TrainingProgress>? progress = null)
    {
        this.freshParameters = freshParameters ?? new HashSet<string>();
        this.progress = progress;
        options.Validate();
        this.model = model;
        this.computeLoss = computeLoss;
        this.train = train;
        this.options = options;
        this.runDirectory = runDirectory;
        checkpoints = new CheckpointStore(runDirectory);
        log = new TrainingLog(Path.Combine(runDirectory, "train_log.csv"));
        device = DeviceResolver.Resolve(options.Device);
    }

    public int BatchesPerEpoch => (train.Count + options.BatchSize - 1) / options.BatchSize;
    public int StepsPerEpoch => BatchesPerEpoch / options.GradientAccumulationSteps;
    public int TotalSteps => options.MaxSteps ?? StepsPerEpoch * options.Epochs;
    int EpochCount => options.MaxSteps is { } max ? (max + StepsPerEpoch - 1) / StepsPerEpoch : options.Epochs;

    /// <summary>Trains from scratch, or from the newest checkpoint when <paramref name="resume"/> is set (from the
    /// checkpoint named <paramref name="fromCheckpoint"/> when given; newer ones are then deleted).
    /// <paramref name="evaluate"/> (given the epoch) runs after each epoch under no_grad in eval mode.</summary>
    public TrainingResult Run(Func<int, IReadOnlyDictionary<string, double>>? evaluate = null, bool resume = false, string? fromCheckpoint = null)
    {
        if (StepsPerEpoch == 0)
            throw new ArgumentException($"{train.Count} training examples make fewer batches than one optimiser step needs " +
                                        $"(batch size {options.BatchSize} x accumulation {options.GradientAccumulationSteps})");
        Directory.CreateDirectory(runDirectory);
        model.to(device);
        var (optimizer, freshGroups) = AdamWFactory.Create(model, options.LearningRate, options.WeightDecay, options.AdamEpsilon,
            options.FreshParameters is null ? null : freshParameters.Contains);
        using var disposeOptimizer = optimizer;
        var start = resume ? Restore(optimizer, fromCheckpoint) : Fresh();
        progress?.Report(new TrainingProgress(start.GlobalStep, TotalSteps, start.Epoch + 1, EpochCount, null, 0, 0));
        return Loop(optimizer, freshGroups, start, evaluate);
    }

    CheckpointState Fresh()
    {
        log.LoadUpTo(-1);
        return new CheckpointState(0, 0, 0, options.Seed, "", 0, 0, []);
    }

    CheckpointState Restore(TorchSharp.Modules.AdamW optimizer, string? fromCheckpoint)
    {
        var latest = (fromCheckpoint is null ? checkpoints.LoadLatest() : checkpoints.LoadNamed(fromCheckpoint))
                     ?? throw new InvalidDataException($"{runDirectory}: no checkpoint to resume from (looked in {checkpoints.Root})");
        var (directory, state) = latest;
        if (state.Seed != options.Seed)
            throw new ArgumentException($"checkpoint {directory} was trained with seed {state.Seed}, not {options.Seed}");
        model.load(Path.Combine(directory, CheckpointStore.ModelFile));
        optimizer.load_state_dict(Path.Combine(directory, CheckpointStore.OptimizerFile));
        using (var rng = torch.tensor(Convert.FromBase64String(state.TorchRngState)))
            torch.random.set_rng_state(rng);
        log.LoadUpTo(state.GlobalStep);
        return state;
    }

    TrainingResult Loop(TorchSharp.Modules.AdamW optimizer, bool[] freshGroups, CheckpointState start, Func<int, IReadOnlyDictionary<string, double>>? evaluate)
    {
        var plan = options.FreshParameters ?? new FreshParameterSchedule();
        var schedules = freshGroups.Select(fresh => plan.ScheduleFor(fresh, options.LearningRate, options.WarmupSteps, TotalSteps)).ToArray();
        var mainSchedule = plan.ScheduleFor(false, options.LearningRate, options.WarmupSteps, TotalSteps);
        var frozen = false;
        void Freeze(bool freeze)
        {
            if (freeze == frozen) return;
            foreach (var (name, parameter) in model.named_parameters())
                if (!freshParameters.Contains(name)) parameter.requires_grad = !freeze;
            frozen = freeze;
        }
        var accumulation = options.GradientAccumulationSteps;
        var usedBatches = StepsPerEpoch * accumulation; // trailing micro-batches that cannot fill a step are skipped
        var step = start.GlobalStep;
        var epochs = start.CompletedEpochs.ToList();
        var (lossSum, lossCount) = (start.EpochLossSum, start.EpochLossCount);
        var (examples, tokens) = (0L, 0L);
        var (windowExamples, windowTokens) = (0L, 0L);
        var clock = Stopwatch.StartNew();
        var window = Stopwatch.StartNew();
        model.train();

        for (var epoch = start.Epoch; epoch < EpochCount && step < TotalSteps; epoch++)
        {
            var batches = options.GroupByLength && train is ILengthAwareBatchSource lengthAware
                ? EpochOrder.LengthGroupedBatches(lengthAware.Lengths, options.BatchSize, options.Seed, epoch)
                : EpochOrder.Batches(train.Count, options.BatchSize, options.Seed, epoch);
            var firstBatch = epoch == start.Epoch ? start.NextBatchInEpoch : 0;
            if (epoch != start.Epoch) (lossSum, lossCount) = (0, 0);
            optimizer.zero_grad();
            for (var b = firstBatch; b < usedBatches && step < TotalSteps; b++)
            {
                Freeze(step < plan.FrozenSteps);
                using (var scope = torch.NewDisposeScope())
                {
                    if (device.type == DeviceType.CUDA) torch.cuda.manual_seed_all(CudaBatchSeed.For(options.Seed, epoch, b));
                    using var cpuBatch = train.Collate(batches[b], epoch);
                    var batch = device.type == DeviceType.CPU ? cpuBatch : cpuBatch.To(device);
                    Tensor loss;
                    using (Autocast.For(options.Precision)) loss = computeLoss(batch);
                    var lossValue = loss.item<float>();
                    if (!float.IsFinite(lossValue))
                    {
                        log.Flush();
                        var last = checkpoints.CheckpointDirectories().FirstOrDefault();
                        throw new NonFiniteLossException($"training loss became {lossValue} at step {step + 1} (epoch {epoch + 1}, batch {b + 1}); " +
                            (last is null ? "no checkpoint was written yet" : $"last good checkpoint: {last}") +
                            "; try a lower --lr or check the data");
                    }
                    // in a frozen phase (FreshParameters.FrozenSteps) a model may have no fresh part, and nothing to train
                    if (loss.requires_grad) (accumulation == 1 ? loss : loss / accumulation).backward();
                    lossSum += lossValue;
                    lossCount++;
                    var batchTokens = batch.AttentionMask.sum().item<long>();
                    (examples, tokens) = (examples + batch.BatchSize, tokens + batchTokens);
                    (windowExamples, windowTokens) = (windowExamples + batch.BatchSize, windowTokens + batchTokens);
                    if (batch != cpuBatch) batch.Dispose();
                    if ((b + 1) % accumulation != 0) continue;

                    if (options.MaxGradNorm > 0) nn.utils.clip_grad_norm_(model.parameters(), options.MaxGradNorm);
                    var lr = mainSchedule(step);
                    for (var g = 0; g < schedules.Length; g++) optimizer.ParamGroups.ElementAt(g).LearningRate = schedules[g](step);
                    optimizer.step();
                    optimizer.zero_grad();
                    step++;
                    var seconds = Math.Max(window.Elapsed.TotalSeconds, 1e-9);
                    log.Add(new TrainingLogRow(step, epoch + 1, lossValue, lr, windowTokens / seconds, windowExamples / seconds));
                    progress?.Report(new TrainingProgress(step, TotalSteps, epoch + 1, EpochCount, lossValue, windowTokens / seconds, windowExamples / seconds));
                    (windowExamples, windowTokens) = (0, 0);
                    window.Restart();
                }
                if (options.CheckpointEvery > 0 && step % options.CheckpointEvery == 0 && (b + 1) % accumulation == 0)
                    SaveCheckpoint(optimizer, new CheckpointState(step, epoch, b + 1, options.Seed, "", lossSum, lossCount, epochs));
                if (options.StopAfterSteps == step && (b + 1) % accumulation == 0)
                {
                    Freeze(false);
                    log.Flush();
                    return Result(step, completed: false, epochs, examples, tokens, clock);
                }
            }
            epochs.Add(new EpochMetrics(epoch + 1, step, lossCount == 0 ? double.NaN : lossSum / lossCount, Evaluate(evaluate, epoch)));
            EpochMetrics.Write(runDirectory, epochs);
            SaveCheckpoint(optimizer, new CheckpointState(step, epoch + 1, 0, options.Seed, "", 0, 0, epochs));
        }
        Freeze(false);
        log.Flush();
        return Result(step, completed: true, epochs, examples, tokens, clock);
    }

    IReadOnlyDictionary<string, double> Evaluate(Func<int, IReadOnlyDictionary<string, double>>? evaluate, int epoch)
    {
        if (evaluate is null) return new Dictionary<string, double>();
        model.eval();
        try
        {
            using var noGrad = torch.no_grad();
            return evaluate(epoch);
        }
        finally
        {
            model.train();
        }
    }

    void SaveCheckpoint(TorchSharp.Modules.AdamW optimizer, CheckpointState state)
    {
        using var rng = torch.random.get_rng_state();
        var withRng = state with { TorchRngState = Convert.ToBase64String(rng.data<byte>().ToArray()) };
        checkpoints.Save(withRng, directory =>
        {
            model.save(Path.Combine(directory, CheckpointStore.ModelFile));
            optimizer.save_state_dict(Path.Combine(directory, CheckpointStore.OptimizerFile));
        }, options.KeepCheckpoints);
        log.Flush();
    }

    TrainingResult Result(int step, bool completed, IReadOnlyList<EpochMetrics> epochs, long examples, long tokens, Stopwatch clock)
    {
        var seconds = Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
        return new TrainingResult(step, TotalSteps, completed, epochs, examples / seconds, tokens / seconds, clock.Elapsed.TotalSeconds);
    }
}
