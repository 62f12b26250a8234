using CharBert.Attacks.Formats;
using CharBert.Attacks.Generation;
using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Recipes;
using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Tsv;
using NUnit.Framework;
using static CharBert.TestSupport.SharedPaths;

namespace CharBert.Attacks.Tests;

/// <summary>Checks on the real CoNLL-2003 test set and QNLI dev set, read from ../shared at run time (skipped when absent).</summary>
public class SharedDataTests
{
    [Test]
    public void Conll2003_test_charbert2020_keeps_labels_and_token_count_and_matches_the_recipe()
    {
        var path = RequireFile("data/conll2003/test.txt");
        using var dir = new TempDirectory();
        var run = AttackFiles.Attack(new ConllAttackFormat(), path, dir.File("out"), "charbert2020", seed: 2020, threads: 4);
        var counters = run.Manifest.Sets[0].Statistics;

        using var original = ConllReader.Open(path);
        using var attacked = ConllReader.Open(run.Output);
        var pairs = original.ReadSentences().Zip(attacked.ReadSentences()).ToArray();
        Assert.That(pairs, Has.Length.EqualTo(counters.Records));
        foreach (var (o, a) in pairs)
        {
            Assert.That(a.Tokens.Select(t => t.Fields.Skip(1)), Is.EqualTo(o.Tokens.Select(t => t.Fields.Skip(1))), $"labels at line {o.Tokens[0].LineNumber}");
            Assert.That(a.Words.Zip(o.Words).All(w => Math.Abs(w.First.Length - w.Second.Length) <= 1 && !w.First.Any(char.IsWhiteSpace)),
                "one edit per word, no new token boundary");
        }
        var words = pairs.SelectMany(p => p.First.Words).ToArray();
        var expectedEligible = words.Count(w => w.Length >= 4 && !w.All(char.IsAsciiDigit));
        Assert.That(counters.WordsEligible, Is.EqualTo(expectedEligible));
        long Draws(string type) => counters.EditsByType.GetValueOrDefault(type) + counters.NoOpDrawsByType.GetValueOrDefault(type);
        var draws = counters.EditsByType.Values.Sum() + counters.NoOpDrawsByType.Values.Sum();
        Assert.That(draws, Is.EqualTo(expectedEligible));
        foreach (var type in new[] { PerturbationType.Drop, PerturbationType.Add, PerturbationType.Swap })
        {
            var n = Draws(type.ToName());
            var sigma = Math.Sqrt(draws * 0.25 * 0.75);
            // stopwords that draw keyboard are redrawn among the other three, so those get slightly more than 1/4
            Assert.That(n, Is.InRange(draws * 0.25 - 4.5 * sigma, draws * (0.25 + 1 / 12.0) + 4.5 * sigma), type.ToName());
        }
        TestContext.Out.WriteLine($"CoNLL test: {counters.WordsSeen} tokens, {counters.WordsEligible} eligible, {counters.WordsAttacked} attacked, " +
                                  $"no-op draws {counters.NoOpDrawsByType.Values.Sum()}");
    }

    [Test]
    public void Conll2003_test_unattacked_output_is_byte_identical()
    {
        var path = RequireFile("data/conll2003/test.txt");
        using var dir = new TempDirectory();
        var run = AttackFiles.Attack(new ConllAttackFormat(), path, dir.File("out"), "rate", rate: 0, chunkBytes: 4096);
        Assert.That(File.ReadAllBytes(run.Output), Is.EqualTo(File.ReadAllBytes(path)));
    }

    [Test]
    public void Qnli_dev_question_attack_keeps_everything_but_the_question_column()
    {
        var path = RequireFile("data/glue-qnli/dev.tsv");
        using var dir = new TempDirectory();
        var run = AttackFiles.Attack(new TsvAttackFormat(GlueLayouts.Qnli, ["question"]), path, dir.File("out"), "charbert2020", seed: 7, threads: 4);
        var before = File.ReadAllLines(path);
        var after = File.ReadAllLines(run.Output);
        Assert.That(after, Has.Length.EqualTo(before.Length));
        var changed = 0;
        for (var i = 0; i < before.Length; i++)
        {
            var (b, a) = (before[i].Split('\t'), after[i].Split('\t'));
            Assert.That(new[] { a[0], a[2], a[3] }, Is.EqualTo(new[] { b[0], b[2], b[3] }), $"line {i + 1}");
            Assert.That(a[1].Split(' ').Length, Is.EqualTo(b[1].Split(' ').Length));
            if (a[1] != b[1]) changed++;
        }
        Assert.That(changed, Is.GreaterThan(before.Length * 9 / 10));
    }
}
