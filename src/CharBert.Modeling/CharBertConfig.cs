using System.Text.Json;
using System.Text.Json.Serialization;
using CharBert.Modeling.Modules;
using CharBert.Text.IO;

namespace CharBert.Modeling;

public enum FusionSharing
{
    [JsonStringEnumMemberName("shared")] Shared,
    [JsonStringEnumMemberName("per_layer")] PerLayer,
}

public enum FusionKind
{
    [JsonStringEnumMemberName("conv")] Conv,
    [JsonStringEnumMemberName("sum")] Sum,
    /// <summary>No per-layer fusion: the channels only meet in the heads (late concatenation).</summary>
    [JsonStringEnumMemberName("none")] None,
}

public enum CharEncoderKind
{
    [JsonStringEnumMemberName("bigru")] BiGru,
    [JsonStringEnumMemberName("cnn")] Cnn,
}

/// <summary>How the sequence-classification head summarises a sequence.</summary>
public enum SequencePooling
{
    /// <summary>CharBERT: mean over ALL positions (padding included) of concat(token, char); BERT: [CLS] pooler.</summary>
    [JsonStringEnumMemberName("original")] Original,
    [JsonStringEnumMemberName("masked_mean")] MaskedMean,
    [JsonStringEnumMemberName("cls_pooler")] ClsPooler,
}

public enum AttentionImplementation
{
    /// <summary>libtorch's fused scaled_dot_product_attention (same maths, verified against the fixture).</summary>
    [JsonStringEnumMemberName("sdpa")] Sdpa,
    /// <summary>The original's explicit matmul / softmax / dropout / matmul.</summary>
    [JsonStringEnumMemberName("eager")] Eager,
}

/// <summary>Model hyper-parameters with Hugging Face config.json names, CharBERT's hard-coded char-channel sizes and
/// the ablation switches. Defaults reproduce the original (BERT variant).</summary>
public sealed record CharBertConfig
{
    [JsonPropertyName("vocab_size")] public int VocabSize { get; init; } = 28996;
    [JsonPropertyName("hidden_size")] public int HiddenSize { get; init; } = 768;
    [JsonPropertyName("num_hidden_layers")] public int NumHiddenLayers { get; init; } = 12;
    [JsonPropertyName("num_attention_heads")] public int NumAttentionHeads { get; init; } = 12;
    [JsonPropertyName("intermediate_size")] public int IntermediateSize { get; init; } = 3072;
    [JsonPropertyName("hidden_act")] public string HiddenAct { get; init; } = "gelu";
    [JsonPropertyName("hidden_dropout_prob")] public double HiddenDropoutProb { get; init; } = 0.1;
    [JsonPropertyName("attention_probs_dropout_prob")] public double AttentionProbsDropoutProb { get; init; } = 0.1;
    [JsonPropertyName("max_position_embeddings")] public int MaxPositionEmbeddings { get; init; } = 512;
    [JsonPropertyName("type_vocab_size")] public int TypeVocabSize { get; init; } = 2;
    [JsonPropertyName("initializer_range")] public double InitializerRange { get; init; } = 0.02;
    [JsonPropertyName("layer_norm_eps")] public double LayerNormEps { get; init; } = 1e-12;

    [JsonPropertyName("char_vocab_size")] public int CharVocabSize { get; init; } = 1001;
    [JsonPropertyName("char_embedding_size")] public int CharEmbeddingSize { get; init; } = 256;
    [JsonPropertyName("term_vocab_size")] public int TermVocabSize { get; init; } = 30001;

    [JsonPropertyName("use_char_channel")] public bool UseCharChannel { get; init; } = true;
    [JsonPropertyName("fusion_sharing")] public FusionSharing FusionSharing { get; init; } = FusionSharing.Shared;
    [JsonPropertyName("fusion")] public FusionKind Fusion { get; init; } = FusionKind.Conv;
    [JsonPropertyName("char_encoder")] public CharEncoderKind CharEncoder { get; init; } = CharEncoderKind.BiGru;
    [JsonPropertyName("sequence_pooling")] public SequencePooling SequencePooling { get; init; } = SequencePooling.Original;

    /// <summary>Performance switches that keep the original numerics (both verified against the fixture).</summary>
    [JsonPropertyName("attention_implementation")] public AttentionImplementation AttentionImplementation { get; init; } = AttentionImplementation.Sdpa;
    [JsonPropertyName("batch_channels")] public bool BatchChannels { get; init; } = true;

    [JsonIgnore] public int AttentionHeadSize => HiddenSize / NumAttentionHeads;

    /// <summary>The reference fixture's size (hidden 64, 2 layers, 4 heads, intermediate 128, term vocab 512).</summary>
    public static CharBertConfig Tiny { get; } = new()
    {
        VocabSize = 1000, HiddenSize = 64, NumHiddenLayers = 2, NumAttentionHeads = 4, IntermediateSize = 128,
        MaxPositionEmbeddings = 64, TermVocabSize = 512,
    };

    public static CharBertConfig Small { get; } = new()
    {
        HiddenSize = 256, NumHiddenLayers = 4, NumAttentionHeads = 4, IntermediateSize = 1024,
    };

    public static CharBertConfig Base { get; } = new();

    /// <summary>tiny | small | base, or a path to a config.json (or a model directory holding one).</summary>
    public static CharBertConfig FromPresetOrPath(string nameOrPath) => nameOrPath.ToLowerInvariant() switch
    {
        "tiny" => Tiny,
        "small" => Small,
        "base" => Base,
        _ when Directory.Exists(nameOrPath) => Load(Path.Combine(nameOrPath, "config.json")),
        _ when File.Exists(nameOrPath) => Load(nameOrPath),
        _ => throw new FileNotFoundException($"no preset or file named {nameOrPath} (presets: tiny, small, base; or a config.json path, or a model folder holding one)", nameOrPath),
    };

    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public void Validate(string source = "config")
    {
        if (HiddenSize <= 0 || NumAttentionHeads <= 0 || HiddenSize % NumAttentionHeads != 0)
            throw new ArgumentException($"{source}: hidden_size ({HiddenSize}) must be a positive multiple of num_attention_heads ({NumAttentionHeads})");
        if (UseCharChannel && CharEncoder == CharEncoderKind.BiGru && HiddenSize % 4 != 0)
            throw new ArgumentException($"{source}: hidden_size ({HiddenSize}) must be a multiple of 4 for the BiGRU char encoder");
        if (VocabSize <= 0 || NumHiddenLayers <= 0 || IntermediateSize <= 0 || MaxPositionEmbeddings <= 0 || TypeVocabSize <= 0)
            throw new ArgumentException($"{source}: sizes must be positive");
        _ = Activations.Get(HiddenAct);
    }

    public static CharBertConfig FromJson(string json, string source = "config.json")
    {
        CharBertConfig? config;
        try { config = JsonSerializer.Deserialize<CharBertConfig>(json, JsonOptions); }
        catch (JsonException e) { throw JsonErrors.InFile(source, e); }
        if (config is null) throw new DataFormatException(source, 1, "expected a JSON object");
        try { config.Validate(source); }
        catch (ArgumentException e) { throw new DataFormatException(source, 0, e.Message, e); }
        return config;
    }

    public static CharBertConfig Load(string path) =>
        File.Exists(path) ? FromJson(File.ReadAllText(path), path) : throw new FileNotFoundException($"{path} not found (a model config.json)", path);

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public void Save(string path) => AtomicFile.WriteAllText(path, ToJson());
}
