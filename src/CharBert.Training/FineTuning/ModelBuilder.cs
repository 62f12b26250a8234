using CharBert.Modeling.Heads;
using CharBert.Text.IO;
using CharBert.Modeling;
using CharBert.Modeling.Checkpoints;
using CharBert.Training.Runs;
using CharBert.Training.Tasks;

namespace CharBert.Training.FineTuning;

/// <summary>Builds the task model of a fine-tuning run and writes/reads fine-tuned model directories.</summary>
public static class ModelBuilder
{
    /// <summary>--model-config: a fresh model whose vocabulary sizes follow the vocabulary files.
    /// --model DIR: the directory's encoder weights with a freshly initialised head for this task. A directory without
    /// task.json whose weights are a plain BERT (a Hugging Face checkpoint, `models import`), or any such directory for
    /// --model-kind bert, initialises what it can (the token channel; <see cref="PretrainedCheckpoints.LoadMatching"/>)
    /// and the rest starts fresh, as initialization.json records.
    /// Both: the config's architecture (e.g. the directory's config with other ablation switches) initialised with what
    /// the directory's weights hold (<see cref="PretrainedCheckpoints.LoadMatching"/>), the rest fresh; what was loaded
    /// and what was not is written to the run's initialization.json.</summary>
    public static ITaskModel Build(FineTuneSettings settings, IFineTuneTask task, TextResources text)
    {
        var maxSeqLength = settings.MaxSeqLength ?? task.Spec.Format.DefaultMaxSeqLength;
        if (settings.ModelConfig is { } preset)
        {
            var config = CharBertConfig.FromPresetOrPath(preset) with { VocabSize = text.Tokenizer.Vocabulary.Count, CharVocabSize = text.Chars.Count };
            RequireFits(config, maxSeqLength);
            var fresh = TaskModelFactory.Create(settings.ModelKind, task.Head, config, task.NumLabels);
            if (settings.ModelDirectory is { } weights) WriteInitialization(settings.Output, PretrainedCheckpoints.LoadMatching(fresh, weights));
            return fresh;
        }
        var directory = settings.ModelDirectory!;
        using var checkpoint = ModelCheckpoint.Open(directory);
        var loaded = checkpoint.Config;
        RequireFits(loaded, maxSeqLength);
        var isToolkitDirectory = File.Exists(Path.Combine(directory, ModelDirectory.TaskFile));
        var fromBert = !isToolkitDirectory && (settings.ModelKind == ModelKind.Bert || PretrainedCheckpoints.HoldsTokenChannelOnly(checkpoint));
        if (fromBert) loaded = loaded with { CharVocabSize = text.Chars.Count }; // a fresh char channel sized to the vocabulary used
        var model = TaskModelFactory.Create(settings.ModelKind, task.Head, loaded, task.NumLabels);
        if (fromBert) WriteInitialization(settings.Output, PretrainedCheckpoints.LoadMatching(model, checkpoint));
        else PretrainedCheckpoints.LoadCharBert(model, checkpoint.Weights, freshHead: true);
        return model;
    }

    /// <summary>The position limit (max_position_embeddings) of the model the settings describe, read before it is
    /// built, so that the default sequence length can fit it.</summary>
    public static int MaxPositions(FineTuneSettings settings) =>
        (settings.ModelConfig is { } preset
            ? CharBertConfig.FromPresetOrPath(preset)
            : CharBertConfig.Load(Path.Combine(settings.ModelDirectory!, ModelDirectory.ConfigFile))).MaxPositionEmbeddings;

    public static void WriteInitialization(string runDirectory, PartialLoadReport report) =>
        JsonFiles.Write(Path.Combine(runDirectory, RunFiles.Initialization), report);

    public static void RequireFits(CharBertConfig config, int maxSeqLength)
    {
        if (maxSeqLength > config.MaxPositionEmbeddings)
            throw new ArgumentException($"--max-seq-length {maxSeqLength} exceeds the model's max_position_embeddings ({config.MaxPositionEmbeddings})");
    }

    /// <summary>Writes model/ as a whole (temp directory + rename): ModelDirectory's files, the vocabularies and finetune.json.</summary>
    public static void Save(ITaskModel model, string directory, TextResources text, TaskMetadata metadata)
    {
        if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        AtomicFile.WriteDirectory(directory, temp =>
        {
            text.SaveModel(temp, model, metadata.Labels);
            metadata.Save(temp);
        });
    }
}
