using CharBert.Text.IO;
using CharBert.Text.Tests.IO;
using CharBert.Text.Vocab;
using NUnit.Framework;

namespace CharBert.Text.Tests.Vocab;

public class TokenizerConfigFileTests
{
    [TestCase("{\"do_lower_case\": true, \"model_max_length\": 512}", true)]
    [TestCase("{\"do_lower_case\": false}", false)]
    [TestCase("{\"tokenizer_class\": \"BertTokenizer\"}", null)]
    public void ReadsDoLowerCase(string json, bool? expected)
    {
        using var dir = new TempDirectory();
        dir.Write(TokenizerConfigFile.FileName, json);
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(dir.Path), Is.EqualTo(expected));
    }

    [Test]
    public void AMissingFileSaysNothing()
    {
        using var dir = new TempDirectory();
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(dir.Path), Is.Null);
    }

    [Test]
    public void BadJsonNamesTheFileAndLine()
    {
        using var dir = new TempDirectory();
        var path = dir.Write(TokenizerConfigFile.FileName, "{\n  \"do_lower_case\": tru\n}");
        var error = Assert.Throws<DataFormatException>(() => TokenizerConfigFile.ReadDoLowerCase(dir.Path));
        Assert.That(error!.Message, Does.StartWith(path + ":2:"));

        dir.Write(TokenizerConfigFile.FileName, "{\"do_lower_case\": \"yes\"}");
        error = Assert.Throws<DataFormatException>(() => TokenizerConfigFile.ReadDoLowerCase(dir.Path));
        Assert.That(error!.Message, Does.Contain("$.do_lower_case").And.Contain("expected true or false"));
    }

    [Test]
    public void TheUserWinsThenTheFirstDirectoryThatSaysThenCased()
    {
        using var uncased = new TempDirectory();
        using var silent = new TempDirectory();
        uncased.Write(TokenizerConfigFile.FileName, "{\"do_lower_case\": true}");
        Assert.That(TokenizerConfigFile.ResolveLowerCase(null, silent.Path, null, uncased.Path), Is.True);
        Assert.That(TokenizerConfigFile.ResolveLowerCase(false, uncased.Path), Is.False);
        Assert.That(TokenizerConfigFile.ResolveLowerCase(null, silent.Path), Is.False);
    }

    [Test]
    public void WritingKeepsTheOtherKeys()
    {
        using var dir = new TempDirectory();
        dir.Write(TokenizerConfigFile.FileName, "{\"model_max_length\": 512, \"do_lower_case\": false}");
        TokenizerConfigFile.Write(dir.Path, true);
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(dir.Path), Is.True);
        Assert.That(File.ReadAllText(dir.File(TokenizerConfigFile.FileName)), Does.Contain("\"model_max_length\": 512"));

        using var fresh = new TempDirectory();
        TokenizerConfigFile.Write(fresh.Path, false);
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(fresh.Path), Is.False);
    }
}
