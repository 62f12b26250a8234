using NUnit.Framework;
using CharBert.Text.IO;
using CharBert.Training.WordRecognition;

namespace CharBert.Training.Tests.WordRecognition;

public class WordRecognitionCorpusTests
{
    static string WriteTemp(params string[] lines)
    {
        var path = Path.GetTempFileName();
        File.WriteAllLines(path, lines);
        return path;
    }

    [Test]
    public void ReadsPlainTextOneSentencePerLine()
    {
        var path = WriteTemp("the red fox", "", "jumps over it today");
        try { Assert.That(WordRecognitionCorpus.ReadSentences(path), Is.EqualTo(new[] { new[] { "the", "red", "fox" }, new[] { "jumps", "over", "it", "today" } })); }
        finally { File.Delete(path); }
    }

    [Test]
    public void DetectsConllAndTakesTheFirstColumn()
    {
        var path = WriteTemp("Anna NNP B-NP B-PER", "sings VBZ B-VP O", "", "Bob NNP B-NP B-PER", ". . O O");
        try { Assert.That(WordRecognitionCorpus.ReadSentences(path), Is.EqualTo(new[] { new[] { "Anna", "sings" }, new[] { "Bob", "." } })); }
        finally { File.Delete(path); }
    }

    [Test]
    public void ARaggedConllRowIsReportedWithItsLine()
    {
        var path = WriteTemp("Anna NNP B-NP B-PER", "sings VBZ B-VP O", "", "Bob B-PER");
        try
        {
            var error = Assert.Throws<DataFormatException>(() => WordRecognitionCorpus.ReadSentences(path, CorpusFormat.Conll));
            Assert.That((error!.FilePath, error.Line), Is.EqualTo((path, 4L)));
        }
        finally { File.Delete(path); }
    }
}
