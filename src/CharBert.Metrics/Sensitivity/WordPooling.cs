namespace CharBert.Metrics.Sensitivity;

/// <summary>How the vectors of a word's subwords become one word vector.</summary>
public enum WordPooling
{
    /// <summary>The first subword's vector (default: the same position a token-classification head reads).</summary>
    FirstSubword,

    /// <summary>The element-wise mean of all the word's subword vectors.</summary>
    Mean,
}

/// <summary>Turns per-subword vectors into per-word vectors given, for each word, the indices of its subwords.</summary>
public static class WordVectors
{
    public static float[][] Pool(IReadOnlyList<float[]> subwordVectors, IReadOnlyList<IReadOnlyList<int>> wordToSubwords,
        WordPooling pooling = WordPooling.FirstSubword)
    {
        var words = new float[wordToSubwords.Count][];
        for (var w = 0; w < words.Length; w++)
        {
            var indices = wordToSubwords[w];
            if (indices.Count == 0) throw new ArgumentException($"word {w} has no subwords");
            foreach (var i in indices)
                if (i < 0 || i >= subwordVectors.Count)
                    throw new ArgumentException($"word {w} points at subword {i}, but there are {subwordVectors.Count}");
            words[w] = pooling switch
            {
                WordPooling.FirstSubword => (float[])subwordVectors[indices[0]].Clone(),
                WordPooling.Mean => Mean(indices.Select(i => subwordVectors[i]).ToList(), w),
                _ => throw new ArgumentOutOfRangeException(nameof(pooling)),
            };
        }
        return words;
    }

    static float[] Mean(List<float[]> vectors, int word)
    {
        var dim = vectors[0].Length;
        var sum = new double[dim];
        foreach (var v in vectors)
        {
            if (v.Length != dim) throw new ArgumentException($"word {word}: subword vectors differ in length");
            for (var d = 0; d < dim; d++) sum[d] += v[d];
        }
        return sum.Select(x => (float)(x / vectors.Count)).ToArray();
    }
}
