using NUnit.Framework;
using CharBert.Training.WordRecognition;

namespace CharBert.Training.Tests.WordRecognition;

public class ScrnnVocabularyBuilderTests
{
    [Test]
    public void KeepsTheMostFrequentLowerCasedWordsTiesByFirstAppearance()
    {
        string[][] sentences = [["The", "cat", "sat"], ["the", "dog", "sat"], ["a", "cat"]];
        var (alphabet, words) = ScrnnVocabularyBuilder.Build(sentences, 4);
        Assert.That(words, Is.EqualTo(new[] { "the", "cat", "sat", "dog" }));
        Assert.That(alphabet, Is.EqualTo("thecasdog"));
    }
}
