using CharBert.Modeling;
using CharBert.Modeling.Heads;
using CharBert.Text.IO;

namespace CharBert.Training.PreTraining;

/// <summary>`charbert pretrain`: MLM (token channel) + NLM (char channel) on plain-text corpora. Saved as the
/// run's config.json. Defaults follow the original run_lm_finetuning.py (mlm/adv probability 0.10, lr 5e-5).</summary>
public sealed record PretrainSettings
{
    public required IReadOnlyList<string> TrainFiles { get; init; }
    public string? EvalFile { get; init; }
    /// <summary>tiny | small | base | config.json path: a fresh model; else <see cref="InitFrom"/>. Given with
    /// <see cref="InitFrom"/>: this architecture initialised with whatever of that directory's weights fits it (e.g. the
    /// token channel of a BERT checkpoint), the rest fresh.</summary>
    public string? ModelConfig { get; init; }
    /// <summary>A model directory (CharBERT/BERT weights) to continue pre-training from.</summary>
    public string? InitFrom { get; init; }
    public ModelKind ModelKind { get; init; } = ModelKind.CharBert;
    /// <summary>vocab.txt, bert_char_vocab and term_vocab.</summary>
    public required string VocabDirectory { get; init; }
    public required string Output { get; init; }
    public double MlmProbability { get; init; } = MaskedLmMasker.DefaultProbability;
    public double AdvProbability { get; init; } = NlmWordNoising.DefaultProbability;
    /// <summary>The NLM noise: null = the original's (<see cref="CharBertWordNoiser"/>); else attack edit types
    /// (drop, add, swap, keyboard, ...), one picked uniformly per noised word (<see cref="PerturbationWordNoiser"/>).</summary>
    public IReadOnlyList<string>? NoiseTypes { get; init; }
    /// <summary>Positions per packed block; null = <see cref="DefaultBlockSize"/>, or the model's max_position_embeddings when smaller.</summary>
    public int? BlockSize { get; init; }
    public const int DefaultBlockSize = 128;
    /// <summary>Lower-case before WordPiece. Null: as the vocabulary's (else --init-from's) tokenizer_config.json says,
    /// else cased. A run's saved config.json holds the resolved value.</summary>
    public bool? LowerCase { get; init; }

    public bool ResolvedLowerCase => CharBert.Text.Vocab.TokenizerConfigFile.ResolveLowerCase(LowerCase, VocabDirectory, InitFrom);
    public TrainingOptions Training { get; init; } = new() { LearningRate = 5e-5, Epochs = 1 };

    public void Validate()
    {
        if (ModelConfig is null && InitFrom is null)
            throw new ArgumentException("give --model-config tiny|small|base|PATH or --init-from DIR (both: the config's architecture from the directory's weights)");
        if (TrainFiles.Count == 0) throw new ArgumentException("give at least one --train file");
        foreach (var file in TrainFiles.Append(EvalFile).OfType<string>())
            InputFile.Require(file, "corpus file");
        if (InitFrom is not null && !Directory.Exists(InitFrom)) throw new DirectoryNotFoundException($"--init-from directory {InitFrom} not found");
        if (BlockSize is < 3) throw new ArgumentException($"--block-size must be at least 3 (got {BlockSize})");
        if (MlmProbability is < 0 or > 1 || AdvProbability is < 0 or > 1)
            throw new ArgumentException("--mlm-probability and --adv-probability must lie in [0, 1]");
        if (NoiseTypes is { Count: 0 }) throw new ArgumentException("--noise-types needs at least one edit type");
        if (NoiseTypes is not null) PerturbationWordNoiser.ForTypes(NoiseTypes); // unknown names fail before anything is written
        Training.Validate();
    }

    public IWordNoiser CreateNoiser(CharBert.Text.Vocab.CharVocabulary chars) =>
        NoiseTypes is null ? CharBertWordNoiser.FromCharVocabulary(chars) : PerturbationWordNoiser.ForTypes(NoiseTypes);
}
