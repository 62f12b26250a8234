using System.Diagnostics;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Precision;
using TorchSharp;
using static TorchSharp.torch;

namespace CharBert.Modeling.Benchmarks;

public sealed record BenchmarkSettings(CharBertConfig Config, int SeqLength, int BatchSize, string Device = "cpu", string DType = "fp32",
    int Steps = 5, int WarmupSteps = 2, int Threads = 0, int Seed = 1);

/// <summary>One model's numbers. PeakMemoryMb: process peak RSS so far on CPU (BERT runs first, so CharBERT's figure
/// is the peak of both); null on CUDA (TorchSharp 0.107 exposes no allocator statistics).</summary>
public sealed record BenchmarkResult(string Model, double TrainStepMs, double TrainTokensPerS, double InferTokensPerS, double? PeakMemoryMb,
    string Device, string DType, int Seq, int Batch);

/// <summary>Times a sequence-classification training step (forward + backward + AdamW step, after warm-up) and
/// inference (eval, no_grad) for the BERT baseline and CharBERT on synthetic batches. bf16 = autocast (fp32 weights,
/// bf16 matmuls: <see cref="Autocast"/>), as the original's bf16 numbers were measured.</summary>
public static class ModelBenchmark
{
    public static IReadOnlyList<BenchmarkResult> Run(BenchmarkSettings settings)
    {
        if (settings.SeqLength > settings.Config.MaxPositionEmbeddings)
            throw new ArgumentException($"--seq {settings.SeqLength} exceeds max_position_embeddings {settings.Config.MaxPositionEmbeddings}");
        if (settings.Threads > 0) set_num_threads(settings.Threads);
        var device = new Device(settings.Device);
        Precisions.Parse(settings.DType); // validates before any model is built
        return new[] { ModelKind.Bert, ModelKind.CharBert }.Select(kind => RunOne(kind, settings, device)).ToList();
    }

    private static BenchmarkResult RunOne(ModelKind kind, BenchmarkSettings s, Device device)
    {
        manual_seed(s.Seed);
        var model = TaskModelFactory.Create(kind, TaskHeadKind.SequenceClassification, s.Config, 2);
        using var module = model.Module;
        module.to(device);
        var optimizer = optim.AdamW(module.parameters(), 1e-4);
        using var cpuBatch = SyntheticBatch.Create(s.Config, s.BatchSize, s.SeqLength, s.Seed);
        using var batch = cpuBatch.To(device);
        var tokens = (double)s.BatchSize * s.SeqLength;

        module.train();
        void TrainStep()
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss;
            using (Autocast.For(s.DType)) loss = model.Forward(batch).Loss!;
            loss.backward();
            optimizer.step();
        }
        var trainMs = Time(TrainStep, s.WarmupSteps, s.Steps, device);

        module.eval();
        void InferStep()
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            using var autocast = Autocast.For(s.DType);
            model.Forward(batch);
        }
        var inferMs = Time(InferStep, 1, s.Steps, device);

        return new BenchmarkResult(kind == ModelKind.Bert ? "bert" : "charbert", trainMs, tokens / (trainMs / 1000), tokens / (inferMs / 1000),
            device.type == DeviceType.CPU ? ProcessMemory.PeakRssMb() : null, s.Device, s.DType, s.SeqLength, s.BatchSize);
    }

    private static double Time(Action step, int warmup, int steps, Device device)
    {
        for (var i = 0; i < warmup; i++) step();
        Synchronize(device);
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < steps; i++) step();
        Synchronize(device);
        return watch.Elapsed.TotalMilliseconds / steps;
    }

    private static void Synchronize(Device device)
    {
        if (device.type == DeviceType.CUDA) cuda.synchronize();
    }
}
