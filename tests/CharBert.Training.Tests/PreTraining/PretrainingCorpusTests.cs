using CharBert.Text.IO;
using NUnit.Framework;
using CharBert.Training.PreTraining;

namespace CharBert.Training.Tests.PreTraining;

public class PretrainingCorpusTests
{
    [Test]
    public void SplitsWordsFromPunctuation() =>
        Assert.That(PretrainingCorpus.SplitWords("Cats, dogs (and birds) sing."),
            Is.EqualTo(new[] { "Cats", ",", "dogs", "(", "and", "birds", ")", "sing", "." }));

    [Test]
    public void LineAndBlankLineLayoutsGiveTheSameWordStream()
    {
        var perLine = Path.GetTempFileName();
        var paragraphs = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(perLine, ["one two three", "four five"]);
            File.WriteAllLines(paragraphs, ["one two", "three", "", "four", "five", ""]);
            Assert.That(PretrainingCorpus.ReadWords(paragraphs), Is.EqualTo(PretrainingCorpus.ReadWords(perLine)));
        }
        finally
        {
            File.Delete(perLine);
            File.Delete(paragraphs);
        }
    }

    [Test]
    public void MissingFileIsReported() =>
        Assert.That(Assert.Throws<DataFormatException>(() => PretrainingCorpus.ReadWords("/nonexistent/corpus.txt").ToList())!.Message,
            Is.EqualTo("/nonexistent/corpus.txt: file not found"));
}
