using CharBert.Text.Vocab;
using CharBert.Training.Tasks;
using NUnit.Framework;

namespace CharBert.Experiments.Tests.Cli;

/// <summary>`charbert vocab build`: a --vocab folder from corpora, and clear errors for bad text.</summary>
[NonParallelizable]
public class VocabCommandTests
{
    [Test]
    public void BuildsAFolderTheTrainingCommandsRead()
    {
        using var dir = new TempFolder();
        var a = dir.Write("a.txt", "The quick brown fox jumps over the lazy dog.\nThe dog sleeps.\n");
        var b = dir.Write("b.txt", "A fox is quick; a dog is lazy.\n");
        var run = CliHarness.Run("vocab", "build", "--train", a, b, "--wordpiece-size", "50", "--term-size", "5", "--lower-case", "--out", dir.File("vocab"));

        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("3 lines").And.Contain("uncased").And.Contain("written to " + dir.File("vocab")));
        var text = TextResources.Load(dir.File("vocab"), lowerCase: true);
        Assert.That(text.Tokenizer.Vocabulary.Count, Is.EqualTo(50));
        // by hand: ".", dog, the 3 times each (The lower-cased); a, fox, is, lazy, quick twice; ties in ordinal order
        Assert.That(TermVocabulary.Load(dir.File("vocab/term_vocab")).Entries, Is.EqualTo(new[] { ".", "dog", "the", "a", "fox", "<unk>" }));
        Assert.That(TokenizerConfigFile.ReadDoLowerCase(dir.File("vocab")), Is.True, "training commands read the folder uncased without being told");
    }

    [Test]
    public void FromAnUncasedBertVocabTheCasingFollowsItsTokenizerConfig()
    {
        using var dir = new TempFolder();
        dir.Write("bert/vocab.txt", "[PAD]\n[UNK]\n[CLS]\n[SEP]\n[MASK]\nthe\ndog\n##s\n");
        dir.Write("bert/tokenizer_config.json", "{\"do_lower_case\": true}");
        var corpus = dir.Write("c.txt", "The Dogs\n");
        var run = CliHarness.Run("vocab", "build", "--train", corpus, "--from", dir.File("bert/vocab.txt"), "--out", dir.File("out"));

        Assert.That(run.Exit, Is.EqualTo(0), run.Err);
        Assert.That(run.Out, Does.Contain("uncased").And.Contain("from " + dir.File("bert/vocab.txt")));
        Assert.That(File.ReadAllLines(dir.File("out/bert_char_vocab")).Skip(1).SkipLast(1), Is.EquivalentTo(new[] { "t", "h", "e", "d", "o", "g", "s" }));
    }

    [Test]
    public void InvalidTextIsOneLineWithFileAndLine()
    {
        using var dir = new TempFolder();
        var bad = dir.File("bad.txt");
        File.WriteAllBytes(bad, [(byte)'o', (byte)'k', (byte)'\n', 0, (byte)'\n']);
        var run = CliHarness.Run("vocab", "build", "--train", bad, "--out", dir.File("vocab"));

        Assert.That(run.Exit, Is.EqualTo(2));
        Assert.That(run.Err.Trim(), Is.EqualTo($"error: {bad}:2: NUL byte at byte 1 of the line (a binary file, or text not saved as UTF-8)"));
        Assert.That(Directory.Exists(dir.File("vocab")), Is.False, "nothing half-written");
    }
}
