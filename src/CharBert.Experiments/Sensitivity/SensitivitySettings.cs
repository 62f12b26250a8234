using CharBert.Metrics.Sensitivity;

namespace CharBert.Experiments.Sensitivity;

/// <summary>Which representation is compared: the encoder's token channel, char channel, or both concatenated
/// (what CharBERT's task heads read).</summary>
public enum RepresentationChannel { Token, Char, Concat }

/// <summary>How sensitivity is measured. <see cref="Layer"/>: 0 = embeddings, i = output of layer i, −1 = last.</summary>
public sealed record SensitivitySettings(
    int Layer = -1, WordPooling Pooling = WordPooling.FirstSubword, RepresentationChannel Channel = RepresentationChannel.Concat,
    int MaxSeqLength = 128, int BatchSize = 32)
{
    public static WordPooling ParsePooling(string name) => name switch
    {
        "first" => WordPooling.FirstSubword,
        "mean" => WordPooling.Mean,
        _ => throw new ArgumentException($"pooling must be first or mean, not '{name}'"),
    };

    public static RepresentationChannel ParseChannel(string name) => name switch
    {
        "token" => RepresentationChannel.Token,
        "char" => RepresentationChannel.Char,
        "concat" => RepresentationChannel.Concat,
        _ => throw new ArgumentException($"channel must be token, char or concat, not '{name}'"),
    };
}

/// <summary>One sentence in its clean and attacked form: word i of one is word i of the other.</summary>
public sealed record SentencePair(string Id, IReadOnlyList<string> CleanWords, IReadOnlyList<string> AttackedWords);
