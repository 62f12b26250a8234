using CharBert.Attacks.Perturbations;
using CharBert.Attacks.Randomness;
using CharBert.Attacks.Resources;
using CharBert.Text.IO;
using NUnit.Framework;

namespace CharBert.Attacks.Tests;

public class ResourceTableTests
{
    [Test]
    public void Misspelling_table_replaces_whole_words_keeping_capitalisation()
    {
        var table = MisspellingTable.Parse("t.tsv", ["# comment", "receive\trecieve", "receive\treceve", "", "their\tthier"], "t.tsv");
        var p = new MisspellingPerturbation(table);
        Assert.That(p.Enumerate("receive").Select(o => o.Word), Is.EqualTo(new[] { "recieve", "receve" }));
        Assert.That(p.Enumerate("Their").Select(o => o.Word), Is.EqualTo(new[] { "Thier" }));
        var rng = new SplitMix64(3);
        Assert.That(p.Apply("unknown", ref rng).Changed, Is.False);
    }

    [TestCase("receive recieve", "expected 'correct<TAB>misspelling' (2 fields), found 1")]
    [TestCase("receive\tre cieve", "fields must be non-empty single words without whitespace")]
    [TestCase("receive\t", "fields must be non-empty single words without whitespace")]
    public void Misspelling_table_errors_name_file_and_line(string badLine, string problem)
    {
        var e = Assert.Throws<DataFormatException>(() => MisspellingTable.Parse("m.tsv", ["ok\tkk", badLine], "m.tsv"))!;
        Assert.That(e.Message, Is.EqualTo($"m.tsv:2: {problem}"));
    }

    [Test]
    public void Keyboard_map_json_errors_are_data_format_errors()
    {
        Assert.Throws<DataFormatException>(() => KeyboardMap.FromJson("k", "{\"ab\": \"x\"}", "k.json"));
        Assert.Throws<DataFormatException>(() => KeyboardMap.FromJson("k", "[1, 2]", "k.json"));
    }

    [Test]
    public void Embedded_tables_equal_the_shared_originals()
    {
        var keyboard = TestSupport.SharedPaths.RequireFile("data/attacks/charbert2020-keyboard.json");
        var stopwords = TestSupport.SharedPaths.RequireFile("data/attacks/english-stopwords.txt");
        var fromFile = KeyboardMap.FromJson("file", File.ReadAllText(keyboard), keyboard);
        foreach (var c in "abcdefghijklmnopqrstuvwxyz")
            Assert.That(KeyboardMap.CharBert2020.Neighbours(c), Is.EqualTo(fromFile.Neighbours(c)));
        var words = File.ReadAllLines(stopwords).Where(w => w.Length > 0).ToArray();
        Assert.That(StopwordList.English.Count, Is.EqualTo(words.Length));
        Assert.That(words.All(w => StopwordList.English.Contains(w)));
    }

    /// <summary>The list's quick rejection (a bit per length and first and last letter) never rejects a word the
    /// set holds, in any case.</summary>
    [Test]
    public void Stopword_lookups_agree_with_a_case_insensitive_set_for_any_word()
    {
        string[] words = ["the", "ourselves", "don't", "i", "a", "themselves", "o", "y", "aren't", "mightn"];
        var reference = new HashSet<string>(words, StringComparer.OrdinalIgnoreCase);
        var list = new StopwordList("test", words);
        var rng = new SplitMix64(9);
        var probes = words.SelectMany(w => new[] { w, w.ToUpperInvariant(), char.ToUpperInvariant(w[0]) + w[1..], w + "s", w[..^1] })
            .Concat(Enumerable.Range(0, 20000).Select(_ =>
                new string(Enumerable.Range(0, 1 + rng.NextInt(10)).Select(_ => "theourslvdnaimgyTHEOURSI'-ı"[rng.NextInt(27)]).ToArray())));
        var found = 0;
        foreach (var probe in probes)
        {
            Assert.That(list.Contains(probe), Is.EqualTo(reference.Contains(probe)), probe);
            if (reference.Contains(probe)) found++;
        }
        Assert.That(found, Is.GreaterThan(50));
        Assert.That(StopwordList.English.Contains("THESE") && StopwordList.English.Contains("Ourselves") && !StopwordList.English.Contains("Northport"));
    }
}
