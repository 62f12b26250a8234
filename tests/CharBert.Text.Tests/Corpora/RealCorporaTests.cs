using CharBert.Text.IO.Conll;
using CharBert.Text.IO.Tsv;
using CharBert.Text.Tests.IO;
using CharBert.Text.Corpora;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

/// <summary>Counts in the real converted corpora, when `charbert data get` has already filled the cache on
/// this machine (skipped otherwise). Expected counts were taken from the raw packages with shell tools
/// (grep/ls/python), not from this code.</summary>
public class RealCorporaTests
{
    static string RequireCorpus(string name)
    {
        var cache = CorpusCache.Default();
        var spec = CorpusCatalog.ByName(name);
        if (!cache.IsComplete(spec))
            Assert.Ignore($"{name} is not in the cache {cache.Root}; run `charbert data get {name}` to enable this test");
        return cache.CorpusDirectory(spec);
    }

    static int CountBlankLineBlocks(string path)
    {
        int blocks = 0; var inBlock = false;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0 && !inBlock) blocks++;
            inBlock = line.Length > 0;
        }
        return blocks;
    }

    [Test]
    public void Brown_has_every_sentence_and_token()
    {
        var directory = RequireCorpus("brown");
        var splits = new[] { "train", "dev", "test" }.Select(s => Path.Combine(directory, "pos", s + ".txt")).ToList();
        // `cat c??? | grep -cv '^\s*$'` = 57,340 sentence lines; `tr -s ' \t' '\n'` = 1,161,192 word/tag tokens
        Assert.That(splits.Sum(CountBlankLineBlocks), Is.EqualTo(57_340));
        Assert.That(splits.Sum(p => File.ReadLines(p).Count(l => l.Length > 0)), Is.EqualTo(1_161_192));
        // files ending in 0 are test: ls c??? | grep -c '0$' = 50 files
        Assert.That(CountBlankLineBlocks(splits[2]), Is.GreaterThan(0));
    }

    [Test]
    public void Sotu_has_every_address()
    {
        var directory = RequireCorpus("sotu");
        // ls data/*.txt | wc -l = 233
        Assert.That(CountBlankLineBlocks(Path.Combine(directory, "pretrain.txt")), Is.EqualTo(233));
    }

    [Test]
    public void Spam_assassin_has_every_email_once()
    {
        var directory = RequireCorpus("spam-assassin");
        var rows = new[] { "train", "dev", "test" }
            .SelectMany(s => File.ReadLines(Path.Combine(directory, s + ".tsv")).Skip(1)).ToList();
        // data/*/*.json: 6,046 emails (the 12,092 files are each email as .json and .txt);
        // ham = 2,500 + 1,400 + 250 = 4,150 (easy-ham-1, easy-ham-2, hard-ham-1); spam = 500 + 1,396 = 1,896
        Assert.That(rows, Has.Count.EqualTo(6_046));
        Assert.That(rows.Count(r => r.EndsWith("\t1")), Is.EqualTo(1_896));
        Assert.That(rows, Has.All.Matches<string>(r => r.Count(c => c == '\t') == 1));
    }

    [Test]
    public void Converted_brown_pos_files_round_trip_byte_identical_through_the_conll_reader()
    {
        var directory = RequireCorpus("brown");
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var path = Path.Combine(directory, "pos", split + ".txt");
            var copy = Path.Combine(Path.GetTempPath(), $"brown-{split}-{Guid.NewGuid():N}.txt");
            try
            {
                using (var reader = ConllReader.Open(path))
                    ConllWriter.Write(copy, reader.ReadSentences(), reader.HasBom);
                ByteAssert.Identical(File.ReadAllBytes(copy), File.ReadAllBytes(path));
            }
            finally { File.Delete(copy); }
        }
    }

    [Test]
    public void Converted_spam_assassin_files_round_trip_byte_identical_through_the_tsv_reader()
    {
        var directory = RequireCorpus("spam-assassin");
        foreach (var split in new[] { "train", "dev", "test" })
        {
            var path = Path.Combine(directory, split + ".tsv");
            var copy = Path.Combine(Path.GetTempPath(), $"spam-{split}-{Guid.NewGuid():N}.tsv");
            try
            {
                using (var reader = TsvReader.Open(path, GlueLayouts.Sst2))
                    TsvWriter.Write(copy, reader.Header, reader.ReadRecords().ToList(), reader.HasBom);
                ByteAssert.Identical(File.ReadAllBytes(copy), File.ReadAllBytes(path));
            }
            finally { File.Delete(copy); }
        }
    }
}
