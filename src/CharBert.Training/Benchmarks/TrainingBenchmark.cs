using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.Featurization;
using CharBert.Text.Tasks;
using CharBert.Training.Data;
using CharBert.Training.Tasks;
using TorchSharp;

namespace CharBert.Training.Benchmarks;

public sealed record TrainingBenchmarkResult(string Task, string Config, string Device, int BatchSize, int SeqLength, int Steps,
    double Seconds, double ExamplesPerSecond, double TokensPerSecond);

/// <summary>Training throughput of the real trainer (forward, backward, clipping, AdamW) on random full-length
/// examples of a task's shape: the first step is a warm-up and is not timed.</summary>
public static class TrainingBenchmark
{
    public static TrainingBenchmarkResult Run(TaskId task, string configName, int batchSize, int seqLength, int steps, string device, int seed = 42)
    {
        var config = CharBertConfig.FromPresetOrPath(configName);
        if (seqLength > config.MaxPositionEmbeddings)
            throw new ArgumentException($"--max-seq-length {seqLength} exceeds {configName}'s max_position_embeddings ({config.MaxPositionEmbeddings})");
        var head = task.Family switch
        {
            TaskFamily.Ner or TaskFamily.Pos => TaskHeadKind.TokenClassification,
            TaskFamily.Glue => TaskHeadKind.SequenceClassification,
            TaskFamily.Squad => TaskHeadKind.QuestionAnswering,
            _ => throw new ArgumentOutOfRangeException(nameof(task)),
        };
        const int numLabels = 9;
        torch.manual_seed(seed);
        var model = TaskModelFactory.Create(ModelKind.CharBert, head, config, head == TaskHeadKind.QuestionAnswering ? 2 : numLabels);
        var random = new Random(seed);
        var features = Enumerable.Range(0, batchSize * (steps + 1)).Select(i => RandomFeatures(random, config, head, seqLength, numLabels, i)).ToArray();
        var directory = Path.Combine(Path.GetTempPath(), $"charbert-bench-train-{Guid.NewGuid():N}");
        try
        {
            var options = new TrainingOptions { Epochs = 1, BatchSize = batchSize, LearningRate = 3e-5, Device = device, Quiet = true, CheckpointEvery = 0, Seed = seed };
            var warmup = new Trainer(model.Module, b => model.Forward(b).Loss!, new FeatureBatchSource(features[..batchSize]), options with { MaxSteps = 1 }, Path.Combine(directory, "warmup"));
            warmup.Run();
            var timed = new Trainer(model.Module, b => model.Forward(b).Loss!, new FeatureBatchSource(features[batchSize..]), options, Path.Combine(directory, "timed")).Run();
            return new TrainingBenchmarkResult(task.ToString(), configName, device, batchSize, seqLength, timed.GlobalStep, timed.Seconds,
                timed.ExamplesPerSecond, timed.TokensPerSecond);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }

    static InputFeatures RandomFeatures(Random random, CharBertConfig config, TaskHeadKind head, int length, int numLabels, int index)
    {
        int[] Ids(int count, int max) => Enumerable.Range(0, count).Select(_ => random.Next(1, max)).ToArray();
        var charLength = CharFeaturizer.CharsPerToken * length;
        var starts = Enumerable.Range(0, length).Select(t => t * CharFeaturizer.CharsPerToken).ToArray();
        return new InputFeatures(Ids(length, config.VocabSize), Enumerable.Repeat(1, length).ToArray(), new int[length],
            Ids(charLength, config.CharVocabSize), starts, starts.Select(s => s + 3).ToArray())
        {
            LabelId = head == TaskHeadKind.SequenceClassification ? random.Next(numLabels) : null,
            LabelIds = head == TaskHeadKind.TokenClassification ? Ids(length, numLabels) : null,
            StartPosition = head == TaskHeadKind.QuestionAnswering ? random.Next(length) : null,
            EndPosition = head == TaskHeadKind.QuestionAnswering ? random.Next(length) : null,
            ExampleIndex = index,
        };
    }
}
