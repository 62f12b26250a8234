using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CharBert.Training.WordRecognition;

namespace CharBert.Experiments.Specs;

/// <summary>A fully resolved experiment (base spec with its overrides merged in): which models, tasks,
/// training budget, attacks and seeds make up the grid. JSON names are snake_case; data_root is relative
/// to the spec file (resolved to a full path on load).</summary>
public sealed record ExperimentSpec(
    string Name,
    string DataRoot,
    IReadOnlyDictionary<string, ModelSpec> Models,
    IReadOnlyDictionary<string, TaskSpec> Tasks,
    TrainingSpec Training,
    AttackSpec Attacks,
    SensitivitySpec Sensitivity,
    IReadOnlyList<int> Seeds,
    string? Vocab = null)
{
    /// <summary><see cref="ModelSpec.Pretrained"/> value prefix meaning "a fresh model of this preset or config.json"
    /// (e.g. <c>scratch:tiny</c>); it then needs <see cref="Vocab"/> (vocab.txt, bert_char_vocab, term_vocab).</summary>
    public const string ScratchPrefix = "scratch:";
}

/// <summary>One model variant. <see cref="Kind"/>: charbert | bert | advbert | bert+wordrec.
/// <see cref="Config"/> holds CharBertConfig switches (use_char_channel, fusion_sharing, fusion, char_encoder), applied to
/// the scratch preset or to the pretrained directory's config.json; <see cref="Nlm"/> false drops the noisy-LM objective
/// from pre-training.
/// advbert: the BERT baseline fine-tuned on its training set plus attacked copies of an <see cref="AugmentProbability"/>
/// share of the examples, made with the attack recipe <see cref="AugmentRecipe"/> (defaults: charbert2020, the paper's
/// noise, and 0.5, `charbert finetune --augment-prob`'s default); with "pretrain": true its pre-training text is noised
/// too, as CharBERT's NLM input is (10% of words), without the NLM loss.
/// bert+wordrec: the BERT baseline fine-tuned normally, with a ScRNN word recogniser (<see cref="WordRecognizer"/>)
/// trained on the task's training words and put in front of it at evaluation and sensitivity.</summary>
public sealed record ModelSpec(
    string Kind, string Pretrained, bool Pretrain, bool Nlm, JsonObject Config,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AugmentRecipe = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AugmentProbability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WordRecognizerSpec? WordRecognizer = null)
{
    public const string CharBert = "charbert";
    public const string Bert = "bert";
    public const string AdvBert = "advbert";
    public const string BertWordRec = "bert+wordrec";
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { CharBert, Bert, AdvBert, BertWordRec };
    public const string DefaultAugmentRecipe = "charbert2020";
}

/// <summary>How a bert+wordrec variant's ScRNN is trained (Pruthi et al. 2019); every value left out takes
/// `charbert train-wordrec`'s default: vocabulary 10,000 words, 10 epochs, batch 32, noise swap/drop/add/key,
/// back-off pass_through (an UNK prediction keeps the input word) or neutral (it becomes "a").</summary>
public sealed record WordRecognizerSpec(int? VocabSize = null, int? Epochs = null, int? BatchSize = null,
    IReadOnlyList<string>? Noise = null, string? Backoff = null)
{
    public static readonly IReadOnlyDictionary<string, UnkBackoff> Backoffs =
        new Dictionary<string, UnkBackoff> { ["pass_through"] = UnkBackoff.PassThrough, ["neutral"] = UnkBackoff.Neutral };

    public ScrnnTrainingOptions ToOptions(int seed)
    {
        var defaults = new ScrnnTrainingOptions { Seed = seed };
        return defaults with
        {
            VocabularySize = VocabSize ?? defaults.VocabularySize, Epochs = Epochs ?? defaults.Epochs, BatchSize = BatchSize ?? defaults.BatchSize,
            NoiseTypes = Noise is { Count: > 0 } names ? ScrnnNoiseTypes.ParseList(string.Join(',', names)) : defaults.NoiseTypes,
            Backoff = Backoff is { } name ? Backoffs[name] : defaults.Backoff,
        };
    }
}

/// <summary>One downstream task. <see cref="Kind"/>: ner | pos | glue (then <see cref="Name"/> is the GLUE task, e.g. qnli).
/// Paths are relative to the spec's data_root.</summary>
public sealed record TaskSpec(string Kind, string Name, string Train, string Dev, string Test, string Metric)
{
    /// <summary>The --task argument of the CLI verbs: "ner" or "glue:&lt;name&gt;".</summary>
    public string CliTask => Kind == "glue" ? $"glue:{Name}" : Kind;

    /// <summary>Token-level tasks read CoNLL files; glue tasks read TSV.</summary>
    public bool IsTokenLevel => Kind is "ner" or "pos";
}

/// <summary><see cref="PretrainCorpus"/>: plain-text file (relative to data_root) for the pre-training step.</summary>
public sealed record TrainingSpec(
    int PretrainSteps, int FinetuneEpochs, int BatchSize, double LearningRate, int MaxSeqLength, string Device,
    string? PretrainCorpus = null, double PretrainLearningRate = 5e-4);

/// <summary>Character attacks applied to each task's test set: each named attack at each of its rates.
/// The name (the dictionary key) is what summary.csv's attack column holds.</summary>
public sealed record AttackSpec(IReadOnlyDictionary<string, AttackRecipeSpec> Recipes, int Seed);

/// <summary>One attack: a recipe of CharBert.Attacks (charbert2020 | pruthi2019 | rate), optionally restricted to
/// perturbation types (drop, add, swap, keyboard, ...), applied at each rate (fraction of words; 1 = all eligible).</summary>
public sealed record AttackRecipeSpec(string Recipe, IReadOnlyList<string> Types, IReadOnlyList<double> Rates);

/// <summary>Sensitivity settings: layer index (−1 = last), pooling first|mean, channel token|char|concat.</summary>
public sealed record SensitivitySpec(int Layer, string Pooling, string Channel);

public static class SpecJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = System.Text.Json.Serialization.JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        WriteIndented = true,
    };
}
