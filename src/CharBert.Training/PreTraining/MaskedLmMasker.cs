namespace CharBert.Training.PreTraining;

/// <summary>Token ids after masking and the MLM labels: the original id at each chosen position,
/// <see cref="MaskedLmMasker.IgnoreLabel"/> everywhere else.</summary>
public sealed record MaskedTokens(int[] InputIds, int[] Labels);

/// <summary>The MLM masking of the original script (create_masked_lm_predictions): whole-word masking over
/// WordPiece groups (a "##" piece joins the word before it), exactly round(n x probability) predictions
/// per call (a word whose pieces would overshoot that count is skipped), then per chosen piece
/// 80% [MASK], 10% kept, 10% a uniformly random vocabulary id. A word with any excluded piece (an
/// NLM-noised word, a special token) is never chosen, so MLM and NLM positions are disjoint.</summary>
public sealed class MaskedLmMasker
{
    /// <summary>The original labels ignored positions -1 (its loss uses ignore_index=-1).</summary>
    public const int IgnoreLabel = -1;

    /// <summary>The original script's default --mlm_probability (shell/mlm.sh passes the same 0.10).</summary>
    public const double DefaultProbability = 0.10;

    readonly int maskId;
    readonly int vocabularySize;
    readonly double probability;

    public MaskedLmMasker(int maskId, int vocabularySize, double probability = DefaultProbability)
    {
        if (probability is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(probability), probability, "must be in [0, 1]");
        if (maskId < 0 || maskId >= vocabularySize) throw new ArgumentOutOfRangeException(nameof(maskId), maskId, "must be a vocabulary id");
        this.maskId = maskId;
        this.vocabularySize = vocabularySize;
        this.probability = probability;
    }

    /// <param name="tokenIds">The sequence to mask (the original masks a whole read before cutting blocks;
    /// <see cref="PretrainingBlockBuilder"/> calls this once per block's content).</param>
    /// <param name="continuesWord">True for a "##" piece, which is masked together with the word it continues.</param>
    /// <param name="excluded">True for pieces that must never be masked (noised words, special tokens, padding).</param>
    public MaskedTokens Mask(IReadOnlyList<int> tokenIds, IReadOnlyList<bool> continuesWord, IReadOnlyList<bool> excluded, Random rng)
    {
        var n = tokenIds.Count;
        if (continuesWord.Count != n || excluded.Count != n)
            throw new ArgumentException($"tokenIds ({n}), continuesWord ({continuesWord.Count}) and excluded ({excluded.Count}) must have the same length");

        var words = new List<List<int>>();
        for (var i = 0; i < n; i++)
        {
            if (continuesWord[i] && words.Count > 0) words[^1].Add(i);
            else words.Add([i]);
        }
        rng.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(words));

        var inputIds = tokenIds.ToArray();
        var labels = Enumerable.Repeat(IgnoreLabel, n).ToArray();
        var toPredict = (int)Math.Round(n * probability, MidpointRounding.ToEven);
        var predicted = 0;
        foreach (var word in words)
        {
            if (predicted >= toPredict) break;
            if (predicted + word.Count > toPredict) continue;
            if (word.Any(i => excluded[i])) continue;
            foreach (var i in word)
            {
                labels[i] = tokenIds[i];
                if (rng.NextDouble() < 0.8) inputIds[i] = maskId;
                else if (rng.NextDouble() >= 0.5) inputIds[i] = rng.Next(vocabularySize);
                predicted++;
            }
        }
        return new MaskedTokens(inputIds, labels);
    }
}
