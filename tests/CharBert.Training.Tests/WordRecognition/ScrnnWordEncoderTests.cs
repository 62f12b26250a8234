using NUnit.Framework;
using CharBert.Training.WordRecognition;

namespace CharBert.Training.Tests.WordRecognition;

public class ScrnnWordEncoderTests
{
    static float[] Encode(string word)
    {
        var encoder = new ScrnnWordEncoder("abcd");
        var vector = new float[encoder.VectorSize];
        encoder.Encode(word, vector);
        return vector;
    }

    [Test]
    public void FirstCharBagOfMiddleLastChar() =>
        // first 'c' | middle a,b,a | last 'd'
        Assert.That(Encode("Cabad"), Is.EqualTo(new float[] { 0, 0, 1, 0, 2, 1, 0, 0, 0, 0, 0, 1 }));

    [Test]
    public void ShortWordsHaveAnEmptyMiddle()
    {
        Assert.That(Encode("ab"), Is.EqualTo(new float[] { 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 }));
        Assert.That(Encode("b"), Is.EqualTo(new float[] { 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0 }));
    }

    [Test]
    public void InteriorSwapsDoNotChangeTheVector() =>
        Assert.That(Encode("abcad"), Is.EqualTo(Encode("acbad")));

    [Test]
    public void UnknownCharactersAreIgnored() =>
        Assert.That(Encode("axd"), Is.EqualTo(Encode("ad")));
}
