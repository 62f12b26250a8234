using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;
using CharBert.Text.Tasks;
using CharBert.Text.Vocab;

namespace CharBert.Training.FineTuning;

/// <summary>Everything `charbert finetune` was asked to do; saved as the run's config.json so
/// `--resume RUN_DIR` can rebuild the identical run.</summary>
public sealed record FineTuneSettings
{
    public required TaskId Task { get; init; }
    /// <summary>A model directory (pre-trained CharBERT/BERT) to start from; else <see cref="ModelConfig"/>.</summary>
    public string? ModelDirectory { get; init; }
    /// <summary>tiny | small | base | path to a config.json: a randomly initialised model. Given with
    /// <see cref="ModelDirectory"/>: this architecture (e.g. the directory's config with other ablation switches),
    /// initialised with whatever of the directory's weights fits it, the rest fresh.</summary>
    public string? ModelConfig { get; init; }
    public ModelKind ModelKind { get; init; } = ModelKind.CharBert;
    /// <summary>Directory with vocab.txt and bert_char_vocab (defaults to <see cref="ModelDirectory"/>).</summary>
    public string? VocabDirectory { get; init; }
    public required string Train { get; init; }
    public required string Dev { get; init; }
    public required string Output { get; init; }
    /// <summary>Default: 128, or 384 for SQuAD (the original scripts').</summary>
    public int? MaxSeqLength { get; init; }
    /// <summary>Lower-case before WordPiece. Null: as the vocabulary's (else the model directory's)
    /// tokenizer_config.json says, else cased (the original fine-tunes bert-base-cased based models). A run's saved
    /// config.json holds the resolved value.</summary>
    public bool? LowerCase { get; init; }
    public int EvalBatchSize { get; init; } = 64;
    /// <summary>AdvBERT augmentation: a CharBert.Attacks recipe (charbert2020, pruthi2019, rate) whose attacked copies
    /// of a <see cref="AugmentProbability"/> share of the training examples are added to the training set.</summary>
    public string? AugmentRecipe { get; init; }
    public double AugmentProbability { get; init; } = DefaultAugmentProbability;
    public const double DefaultAugmentProbability = 0.5;
    public TrainingOptions Training { get; init; } = new();

    /// <summary><see cref="LowerCase"/>, or the casing the vocabulary or model directory declares.</summary>
    public bool ResolvedLowerCase => TokenizerConfigFile.ResolveLowerCase(LowerCase, ResolvedVocabDirectory, ModelDirectory);

    public string ResolvedVocabDirectory =>
        VocabDirectory ?? ModelDirectory ?? throw new ArgumentException("give --vocab DIR (vocab.txt, bert_char_vocab) when training from --model-config");

    public void Validate()
    {
        if (ModelDirectory is null && ModelConfig is null)
            throw new ArgumentException("give --model DIR (pre-trained) or --model-config tiny|small|base|PATH (both: the config's architecture from the directory's weights)");
        foreach (var (name, path) in new[] { ("--train", Train), ("--dev", Dev) })
            InputFile.Require(path, $"{name} file");
        if (ModelDirectory is not null && !Directory.Exists(ModelDirectory))
            throw new DirectoryNotFoundException($"--model directory {ModelDirectory} not found");
        if (AugmentProbability is < 0 or > 1) throw new ArgumentException($"--augment-prob must lie in [0, 1] (got {AugmentProbability})");
        Training.Validate();
    }
}
