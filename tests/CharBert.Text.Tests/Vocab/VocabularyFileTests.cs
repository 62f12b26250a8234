using CharBert.TestSupport;
using CharBert.Text.IO;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Vocab;

public class VocabularyFileTests
{
    private static string TempFile(string content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllText(path, content);
        return path;
    }

    [Test]
    public void CharVocabularyUsesLineIndexLastRepeatWinsAndUnkFallback()
    {
        var path = TempFile(" \na\n\n\nb\n<unk>\n");
        try
        {
            var chars = CharVocabulary.Load(path);
            Assert.That(chars.Count, Is.EqualTo(6));
            Assert.That(chars.GetId('a'), Is.EqualTo(1));
            Assert.That(chars.GetId('b'), Is.EqualTo(4));
            Assert.That(chars.GetId(' '), Is.EqualTo(0));
            Assert.That(chars.GetId('z'), Is.EqualTo(5));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void CharVocabularyWithoutUnkIsAFormatErrorNamingTheFile()
    {
        var path = TempFile("a\nb\n");
        try
        {
            var error = Assert.Throws<DataFormatException>(() => CharVocabulary.Load(path));
            Assert.That(error!.Message, Does.Contain(path).And.Contain("<unk>"));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void SavedCharVocabularyLoadsBackIdentically()
    {
        var built = CharVocabulary.Build(["héllo wörld"], 50);
        var path = Path.Combine(Path.GetTempPath(), $"chars-{Guid.NewGuid():N}.txt");
        try
        {
            built.Save(path);
            Assert.That(CharVocabulary.Load(path).Entries, Is.EqualTo(built.Entries));
        }
        finally { File.Delete(path); }
    }

    [Test]
    public void OriginalCharAndTermVocabulariesLoad()
    {
        var chars = CharVocabulary.Load(SharedPaths.RequireFile("fixtures/charbert-reference/bert_char_vocab"));
        Assert.That(chars.Count, Is.EqualTo(1001));
        Assert.That(chars.UnkId, Is.EqualTo(1000));
        Assert.That(chars.GetId(' '), Is.EqualTo(0));
        var terms = TermVocabulary.Load(SharedPaths.RequireFile("fixtures/charbert-reference/term_vocab"));
        Assert.That(terms.Count, Is.EqualTo(30001));
        Assert.That(terms.UnkId, Is.EqualTo(30000));
    }

    [Test]
    public void LinesSplitLikePythonUniversalNewlines()
    {
        var path = TempFile("[PAD]\r\n[UNK]\rhello\nworld");
        try { Assert.That(WordPieceVocabulary.Load(path).Entries, Is.EqualTo(new[] { "[PAD]", "[UNK]", "hello", "world" })); }
        finally { File.Delete(path); }
    }

    [Test]
    public void InvalidUtf8IsAFormatErrorNamingTheLine()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vocab-{Guid.NewGuid():N}.txt");
        File.WriteAllBytes(path, [(byte)'a', (byte)'\n', 0xFF, (byte)'\n']);
        try
        {
            var error = Assert.Throws<DataFormatException>(() => WordPieceVocabulary.Load(path));
            Assert.That(error!.Line, Is.EqualTo(2));
        }
        finally { File.Delete(path); }
    }
}
