namespace CharBert.Text.Vocab;

/// <summary>Settings of <see cref="WordPieceVocabularyTrainer"/>.</summary>
public sealed record WordPieceTrainerOptions
{
    /// <summary>Target number of entries (specials + alphabet + merged pieces); fewer if merges run out.</summary>
    public int VocabSize { get; init; } = 30522;
    /// <summary>Pre-tokenise as uncased BERT (lower-case, strip accents).</summary>
    public bool LowerCase { get; init; } = true;
    /// <summary>A pair must occur at least this often (weighted by word frequency) to be merged.</summary>
    public int MinPairFrequency { get; init; } = 2;
    /// <summary>Words longer than this (code points) are ignored, as the tokenizer would make them [UNK].</summary>
    public int MaxInputCharsPerWord { get; init; } = 100;
}
