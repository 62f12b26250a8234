using System.Diagnostics;

namespace CharBert.Text.Featurization;

/// <summary>How fast a featuriser turns examples into <see cref="InputFeatures"/> (single thread).</summary>
public sealed record FeaturizationThroughput(int Examples, int Repeats, double Seconds, double ExamplesPerSecond);

public static class FeaturizationBenchmark
{
    /// <summary>
    /// Featurises all sentences once to warm up (JIT), then repeatedly until at least <paramref name="minSeconds"/>
    /// have passed; reports examples per second over the measured passes.
    /// </summary>
    public static FeaturizationThroughput MeasureNer(NerFeaturizer featurizer,
        IReadOnlyList<(IReadOnlyList<string> Words, IReadOnlyList<string> Labels)> sentences, double minSeconds)
    {
        if (sentences.Count == 0) throw new ArgumentException("No sentences to featurise.");
        long checksum = RunOnce(featurizer, sentences);
        int repeats = 0;
        var clock = Stopwatch.StartNew();
        do
        {
            checksum += RunOnce(featurizer, sentences);
            repeats++;
        } while (clock.Elapsed.TotalSeconds < minSeconds);
        double seconds = clock.Elapsed.TotalSeconds;
        GC.KeepAlive(checksum);
        return new FeaturizationThroughput(sentences.Count, repeats, seconds, sentences.Count * (double)repeats / seconds);
    }

    private static long RunOnce(NerFeaturizer featurizer, IReadOnlyList<(IReadOnlyList<string> Words, IReadOnlyList<string> Labels)> sentences)
    {
        long sum = 0;
        for (int i = 0; i < sentences.Count; i++) sum += featurizer.Featurize(sentences[i].Words, sentences[i].Labels, i).InputIds[1];
        return sum;
    }
}
