using CharBert.Text.Featurization;
using NUnit.Framework;

namespace CharBert.Text.Tests.Featurization;

public class FeaturizationBenchmarkTests
{
    [Test]
    public void ReportsExamplesPerPassAndAtLeastOneMeasuredPass()
    {
        var featurizer = new NerFeaturizer(SyntheticVocab.Tokenizer(), SyntheticVocab.Chars(), 16, ["O", "B-LOC"]);
        var sentences = new List<(IReadOnlyList<string>, IReadOnlyList<string>)>
        {
            (["the", "river"], ["O", "B-LOC"]),
            (["old", "mill", "town"], ["O", "O", "B-LOC"]),
        };
        var result = FeaturizationBenchmark.MeasureNer(featurizer, sentences, minSeconds: 0);
        Assert.That(result.Examples, Is.EqualTo(2));
        Assert.That(result.Repeats, Is.GreaterThanOrEqualTo(1));
        Assert.That(result.ExamplesPerSecond, Is.EqualTo(2.0 * result.Repeats / result.Seconds).Within(1e-9));
    }
}
