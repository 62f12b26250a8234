using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using CharBert.Text.Tasks;
using CharBert.Training.WordRecognition;

namespace CharBert.Experiments.Specs;

/// <summary>A fully resolved experiment (base spec with its overrides merged in): which models, tasks,
/// training budget, attacks and seeds make up the grid. JSON names are snake_case; data_root is relative
/// to the spec file (resolved to a full path on load).</summary>
public sealed record ExperimentSpec(
    string Name,
    string DataRoot,
    IReadOnlyDictionary<string, ModelSpec> Models,
    IReadOnlyDictionary<string, TaskEntry> Tasks,
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
/// trained on the task's training words and put in front of it at evaluation and sensitivity.
/// <see cref="SharesPretrainingWith"/>: this variant starts from another variant's pre-trained (adapted) model instead of
/// pre-training its own, e.g. AdvBERT from BERT's MLM adaptation (the other variant's pretrained, config and
/// pre-training settings apply; both must be BERT-kind or both CharBERT). <see cref="Adaptation"/>: this variant's own
/// values of the spec's adaptation settings (e.g. several CharBERT variants with other NLM noise or fresh learning rates
/// against one BERT adapted for the same steps).</summary>
public sealed record ModelSpec(
    string Kind, string Pretrained, bool Pretrain, bool Nlm, JsonObject Config,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? AugmentRecipe = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? AugmentProbability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] WordRecognizerSpec? WordRecognizer = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SharesPretrainingWith = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] AdaptationSpec? Adaptation = null)
{
    public const string CharBert = "charbert";
    public const string Bert = "bert";
    public const string AdvBert = "advbert";
    public const string BertWordRec = "bert+wordrec";
    public static readonly IReadOnlySet<string> Kinds = new HashSet<string> { CharBert, Bert, AdvBert, BertWordRec };
    public const string DefaultAugmentRecipe = "charbert2020";
}

/// <summary>A model variant's own adaptation settings, each overriding the training spec's value of the same name (null:
/// the spec's). The number of adaptation steps is the spec's for every variant, so variants stay comparable.</summary>
public sealed record AdaptationSpec(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? PretrainLearningRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PretrainWarmupSteps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MlmProbability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NlmProbability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FreshLearningRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FreshWarmupSteps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FrozenSteps = null)
{
    /// <summary>The training spec with this variant's values put in.</summary>
    public TrainingSpec ApplyTo(TrainingSpec training) => training with
    {
        PretrainLearningRate = PretrainLearningRate ?? training.PretrainLearningRate,
        PretrainWarmupSteps = PretrainWarmupSteps ?? training.PretrainWarmupSteps,
        MlmProbability = MlmProbability ?? training.MlmProbability, NlmProbability = NlmProbability ?? training.NlmProbability,
        FreshLearningRate = FreshLearningRate ?? training.FreshLearningRate, FreshWarmupSteps = FreshWarmupSteps ?? training.FreshWarmupSteps,
        FrozenSteps = FrozenSteps ?? training.FrozenSteps,
    };
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

/// <summary>One downstream task of a study (the spec's "tasks" entries). <see cref="Kind"/>: ner | pos | glue (then
/// <see cref="Name"/> is the GLUE task, e.g. qnli). Paths are relative to the spec's data_root. <see cref="MaxSeqLength"/>
/// overrides training.max_seq_length for this task. <see cref="ExtraTests"/>: further test sets evaluated beside the clean
/// and attacked ones, e.g. the authors' published attacked sets (CharAttack_NER, CharAttack_QNLI); the key names the test
/// set in summary.csv.</summary>
public sealed record TaskEntry(string Kind, string Name, string Train, string Dev, string Test, string Metric,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaxSeqLength = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, ExtraTestSpec>? ExtraTests = null)
{
    /// <summary>The task this entry names (valid once <see cref="SpecValidation"/> has passed).</summary>
    [JsonIgnore]
    public TaskId Id => Kind == "glue" ? TaskId.Glue(Name) : TaskId.Parse(Kind);

    /// <summary>The --task argument of the CLI verbs (kept in spec.resolved.json as cli_task).</summary>
    public string CliTask => Id.ToString();

    /// <summary>Token-level tasks read CoNLL files; glue tasks read TSV (kept in spec.resolved.json).</summary>
    public bool IsTokenLevel => Id.IsTokenLevel;
}

/// <summary>An extra test set of a task: a file (relative to data_root) with the task's format. <see cref="LenientColumns"/>
/// reads a CoNLL file whose token lines may carry extra space-separated fields (an attack inserted a space into a word)
/// as the original reader does: the first field is the word, the last the label.</summary>
public sealed record ExtraTestSpec(string Path, bool LenientColumns = false);

/// <summary><see cref="PretrainCorpus"/>: plain-text file (relative to data_root) for the pre-training step.
/// Pre-training (adaptation) settings, all optional: <see cref="PretrainSeed"/> trains one pre-trained model per variant
/// with that seed, shared by every seed's fine-tuning (null: one per seed); <see cref="PretrainBatchSize"/> (default
/// batch_size), <see cref="PretrainWarmupSteps"/> (default a tenth of the steps), <see cref="MlmProbability"/> and
/// <see cref="NlmProbability"/> (default 0.10 each, run_lm_finetuning.py's; the paper says 15% for NLM),
/// <see cref="FreshLearningRate"/> and <see cref="FreshWarmupSteps"/> for the parameters the pretrained checkpoint does
/// not provide (char channel, fusion, heads), <see cref="FrozenSteps"/> at the start in which only those train,
/// <see cref="PretrainCheckpointEvery"/> (resumable pre-training; default only at the end).
/// Fine-tuning and evaluation: <see cref="PadToLongest"/> cuts batches to their longest sequence and
/// <see cref="GroupByLength"/> batches examples of similar length (both default false).</summary>
public sealed record TrainingSpec(
    int PretrainSteps, int FinetuneEpochs, int BatchSize, double LearningRate, int MaxSeqLength, string Device,
    string? PretrainCorpus = null, double PretrainLearningRate = 5e-4,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PretrainSeed = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PretrainBatchSize = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PretrainWarmupSteps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? MlmProbability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? NlmProbability = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? FreshLearningRate = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FreshWarmupSteps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? FrozenSteps = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? PretrainCheckpointEvery = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? PadToLongest = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? GroupByLength = null);

/// <summary>Character attacks applied to each task's test set: each named attack at each of its rates.
/// The name (the dictionary key) is what summary.csv's attack column holds.</summary>
public sealed record AttackSpec(IReadOnlyDictionary<string, AttackRecipeSpec> Recipes, int Seed);

/// <summary>One attack: a recipe of CharBert.Attacks (charbert2020 | pruthi2019 | rate), optionally restricted to
/// perturbation types (drop, add, swap, keyboard, ...), applied at each rate (fraction of words; 1 = all eligible).
/// <see cref="Seeds"/>: the seeds whose models are evaluated on it (null: every seed), to spend a budget on the headline
/// attack's spread and look at the others once.</summary>
public sealed record AttackRecipeSpec(string Recipe, IReadOnlyList<string> Types, IReadOnlyList<double> Rates,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? Seeds = null);

/// <summary>Sensitivity settings: layer index (−1 = last), pooling first|mean, channel token|char|concat;
/// <see cref="Seeds"/>: the seeds it is measured for (null: every seed).</summary>
public sealed record SensitivitySpec(int Layer, string Pooling, string Channel,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<int>? Seeds = null);

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
