using System.Security.Cryptography;
using CharBert.Text.Corpora;
using NUnit.Framework;

namespace CharBert.Text.Tests.Corpora;

public class TarballTests
{
    [Test]
    public void Integrity_is_npm_sri_sha512()
    {
        using var temp = new TempFolder();
        var path = temp.Write("x.bin", "abc");
        // SHA-512("abc") is the FIPS 180-2 test vector ddaf35a1...a54ca49f
        var expected = "sha512-" + Convert.ToBase64String(Convert.FromHexString(
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f"));
        Assert.That(TarballIntegrity.Compute(path), Is.EqualTo(expected));
    }

    [Test]
    public void Tampered_tarball_is_rejected()
    {
        using var temp = new TempFolder();
        var path = TestTarball.Create(temp.Combine("p.tgz"), new Dictionary<string, string> { ["package/a.txt"] = "hello" });
        var pinned = TarballIntegrity.Compute(path);
        Assert.DoesNotThrow(() => TarballIntegrity.Verify(path, pinned));

        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => TarballIntegrity.Verify(path, pinned));
        Assert.That(e!.Message, Does.Contain("integrity check failed").And.Contain(path));
    }

    [Test]
    public void Extracts_only_included_files()
    {
        using var temp = new TempFolder();
        var path = TestTarball.Create(temp.Combine("p.tgz"), new Dictionary<string, string>
        {
            ["package/data/a.txt"] = "A", ["package/data/b.json"] = "B", ["package/README.md"] = "R",
        });
        TarballExtractor.Extract(path, temp.Combine("out"), name => name.EndsWith(".txt"));
        Assert.That(File.ReadAllText(temp.Combine("out", "package", "data", "a.txt")), Is.EqualTo("A"));
        Assert.That(File.Exists(temp.Combine("out", "package", "README.md")), Is.False);
    }

    [Test]
    public void Entries_escaping_the_folder_are_refused()
    {
        using var temp = new TempFolder();
        var path = TestTarball.Create(temp.Combine("p.tgz"), new Dictionary<string, string> { ["../evil.txt"] = "x" });
        Assert.Throws<InvalidDataException>(() => TarballExtractor.Extract(path, temp.Combine("out")));
        Assert.That(File.Exists(temp.Combine("evil.txt")), Is.False);
    }

    [Test]
    public void A_file_that_is_not_gzip_is_reported()
    {
        using var temp = new TempFolder();
        var path = temp.Write("p.tgz", "plain text, not gzip");
        var e = Assert.Throws<InvalidDataException>(() => TarballExtractor.Extract(path, temp.Combine("out")));
        Assert.That(e!.Message, Does.Contain(path));
    }
}
