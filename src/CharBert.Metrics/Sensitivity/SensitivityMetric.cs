namespace CharBert.Metrics.Sensitivity;

/// <summary>The paper's sensitivity S = (1/m) Σ_i (1 − cos(h_i, h̃_i)) over m words, where h_i is word i's
/// vector on the clean sentence and h̃_i on the attacked one. 0 = the representation did not move.</summary>
public static class SensitivityMetric
{
    /// <summary>Cosine similarity, accumulated in double. A zero vector has no direction: two zero vectors
    /// count as identical (1), one zero vector against a non-zero one as orthogonal (0).</summary>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        if (a.Length != b.Length) throw new ArgumentException($"vector lengths differ: {a.Length} vs {b.Length}");
        double dot = 0, normA = 0, normB = 0;
        for (var i = 0; i < a.Length; i++)
        {
            dot += (double)a[i] * b[i];
            normA += (double)a[i] * a[i];
            normB += (double)b[i] * b[i];
        }
        if (normA == 0 || normB == 0) return normA == normB ? 1 : 0;
        return dot / (Math.Sqrt(normA) * Math.Sqrt(normB));
    }

    /// <summary>1 − cos for one word.</summary>
    public static double WordDistance(ReadOnlySpan<float> clean, ReadOnlySpan<float> attacked) => 1 - Cosine(clean, attacked);

    /// <summary>S over the words of one sentence (or any list of aligned word vectors).</summary>
    public static double Sentence(IReadOnlyList<float[]> clean, IReadOnlyList<float[]> attacked)
    {
        if (clean.Count != attacked.Count)
            throw new ArgumentException($"{clean.Count} clean word vectors but {attacked.Count} attacked ones");
        if (clean.Count == 0) throw new ArgumentException("sensitivity of zero words is undefined");
        double sum = 0;
        for (var i = 0; i < clean.Count; i++) sum += WordDistance(clean[i], attacked[i]);
        return sum / clean.Count;
    }
}
