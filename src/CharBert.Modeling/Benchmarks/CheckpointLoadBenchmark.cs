using System.Diagnostics;
using CharBert.Modeling.Checkpoints;
using CharBert.Modeling.Checkpoints.Torch;
using CharBert.Modeling.Heads;
using CharBert.Modeling.Safetensors;
using static TorchSharp.torch;

namespace CharBert.Modeling.Benchmarks;

public sealed record CheckpointBenchmarkSettings(string Directory, int Seed = 1, string Config = "base");

/// <summary>One reader on one file: load seconds (the first load, what a process that loads a model once sees, then
/// the best and median of all runs, which may reuse memory the process kept), MB/s of the first load, and the first
/// load's peak RSS above the RSS before it (the peak is reset first where Linux allows it) and peak managed heap.</summary>
public sealed record CheckpointLoadResult(string Format, string Reader, string File, double FileMb, int Tensors, double FirstSeconds,
    double BestSeconds, double MedianSeconds, double MbPerSecond, double PeakRssAboveBaselineMb, double PeakManagedMb, bool PeakRssReset);

/// <summary>A way of reading one of the benchmark's files into tensors.</summary>
public sealed record CheckpointReader(string Id, string Format, string Name, Func<CheckpointFiles, string> File, Func<string, IReadOnlyCollection<Tensor>> Load);

/// <summary>The benchmark's three files of one checkpoint in <see cref="Directory"/>.</summary>
public sealed record CheckpointFiles(string Directory)
{
    public string Safetensors => Path.Combine(Directory, "model.safetensors");
    public string Zip => Path.Combine(Directory, "pytorch_model.bin");
    public string Legacy => Path.Combine(Directory, "pytorch_model.legacy.bin");

    public static CheckpointFiles In(string directory) => new(directory);
}

/// <summary>`charbert bench checkpoint`: writes one random BERT-sized checkpoint (the token-classification model of a
/// config, bert-base by default: about 440 MB in fp32) as safetensors, torch.save's zip .bin and its legacy .bin, and
/// times reading each back into tensors with the toolkit's readers (and PyBridge's safetensors reader, the alternative
/// to ours), measuring memory as it goes. Files stay in the page cache between runs (warm reads). Peak RSS is only
/// comparable between readers measured each in a fresh process (freed native memory stays with the process).</summary>
public static class CheckpointLoadBenchmark
{
    private static IReadOnlyCollection<Tensor> ViaStateDictFile(string path) => StateDictFile.Read(path).Values.ToList();

    public static IReadOnlyList<CheckpointReader> Readers { get; } =
    [
        new("safetensors", "safetensors", "charbert SafetensorsFile", f => f.Safetensors, ViaStateDictFile),
        new("safetensors-pybridge", "safetensors", "TorchSharp.PyBridge Safetensors", f => f.Safetensors,
            path => TorchSharp.PyBridge.Safetensors.LoadStateDict(path).Values),
        new("zip", "zip .bin", "TorchSharp.PyBridge PyTorchUnpickler", f => f.Zip, ViaStateDictFile),
        new("legacy", "legacy .bin", "charbert TorchLegacyCheckpoint", f => f.Legacy, ViaStateDictFile),
    ];

    public static CheckpointFiles WriteCheckpoints(CheckpointBenchmarkSettings settings, Action<string>? progress = null)
    {
        System.IO.Directory.CreateDirectory(settings.Directory);
        var files = CheckpointFiles.In(settings.Directory);
        manual_seed(settings.Seed);
        var config = CharBertConfig.FromPresetOrPath(settings.Config);
        progress?.Invoke($"building a random {settings.Config} BERT ({config.NumHiddenLayers} layers, hidden {config.HiddenSize}, vocab {config.VocabSize})");
        using var model = TaskModelFactory.Create(ModelKind.Bert, TaskHeadKind.TokenClassification, config, 9).Module;
        var state = model.state_dict();
        progress?.Invoke($"writing {files.Safetensors}");
        SafetensorsWriter.Write(files.Safetensors, state);
        progress?.Invoke($"writing {files.Zip}");
        TorchCheckpointWriter.WriteZip(files.Zip, state);
        progress?.Invoke($"writing {files.Legacy}");
        TorchCheckpointWriter.WriteLegacy(files.Legacy, state);
        return files;
    }

    /// <summary>Times <paramref name="runs"/> loads (after one load of <paramref name="warmup"/>'s small files with the
    /// same reader, which faults in the code it runs); the memory figures are those of the first timed load.</summary>
    public static CheckpointLoadResult Measure(CheckpointReader reader, CheckpointFiles files, int runs, CheckpointFiles? warmup = null)
    {
        if (warmup is not null) LoadOnce(reader.Load, reader.File(warmup));
        var path = reader.File(files);
        var timings = Enumerable.Range(0, runs).Select(_ => LoadOnce(reader.Load, path)).ToList();
        var seconds = timings.Select(t => t.Seconds).Order().ToList();
        var fileMb = new FileInfo(path).Length / 1e6;
        var first = timings[0];
        return new CheckpointLoadResult(reader.Format, reader.Name, Path.GetFileName(path), fileMb, first.Tensors, first.Seconds, seconds[0],
            seconds[seconds.Count / 2], fileMb / first.Seconds, first.PeakRssMb, first.PeakManagedMb, first.PeakReset);
    }

    private sealed record Load(double Seconds, int Tensors, double PeakRssMb, double PeakManagedMb, bool PeakReset);

    private static Load LoadOnce(Func<string, IReadOnlyCollection<Tensor>> load, string path)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baselineManaged = GC.GetTotalMemory(false);
        var reset = ProcessMemory.TryResetPeak();
        var baselineRss = ProcessMemory.RssMb();
        var sampler = new ManagedHeapSampler();
        var watch = Stopwatch.StartNew();
        var loaded = load(path);
        watch.Stop();
        var peakManaged = (sampler.Stop() - baselineManaged) / (1024.0 * 1024.0);
        var result = new Load(watch.Elapsed.TotalSeconds, loaded.Count, ProcessMemory.PeakRssMb() - baselineRss, Math.Max(0, peakManaged), reset);
        foreach (var tensor in loaded) tensor.Dispose();
        return result;
    }

    /// <summary>Samples the managed heap every millisecond on a background thread; Stop returns the largest size seen.</summary>
    private sealed class ManagedHeapSampler
    {
        private readonly Thread thread;
        private volatile bool running = true;
        private long peak = GC.GetTotalMemory(false);

        public ManagedHeapSampler()
        {
            thread = new Thread(() =>
            {
                while (running)
                {
                    peak = Math.Max(peak, GC.GetTotalMemory(false));
                    Thread.Sleep(1);
                }
            }) { IsBackground = true };
            thread.Start();
        }

        public long Stop()
        {
            running = false;
            thread.Join();
            return Math.Max(peak, GC.GetTotalMemory(false));
        }
    }
}
